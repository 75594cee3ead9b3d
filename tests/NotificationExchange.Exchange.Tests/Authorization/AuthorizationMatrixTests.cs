using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Authorization;

/// <summary>
/// Who may call what: every RPC of every service in the wire contract (read from the compiled descriptors, so that an
/// RPC added without an expectation here fails this test) × role (administrator, operator, agency, none: a call
/// without credentials), each called with an empty request, asserting the exact status; and for the notification
/// reads, each audience × role. An empty request is refused by field (INVALID_ARGUMENT) where the call needs
/// something, and answered where it needs nothing: what matters here is that the refusals for the caller's role come
/// first (UNAUTHENTICATED, PERMISSION_DENIED) and that nothing else depends on the role.
/// </summary>
public class AuthorizationMatrixTests
{
    public enum Role { Administrator, Operator, Agency, None }

    /// <summary>Who may call: anyone (also without credentials), any organisation, or administrators only.</summary>
    private enum Access { Anyone, Organization, Administrators }

    private const StatusCode Invalid = StatusCode.InvalidArgument;
    private const StatusCode Ok = StatusCode.OK;

    /// <summary>
    /// Each RPC's access and the status of an empty request from a caller allowed to make it (a lookup of the empty id,
    /// GetObject, GetDirectoryEntry, RotateApiKey's operator, finds nothing: NOT_FOUND).
    /// </summary>
    private static readonly Dictionary<string, (Access Access, StatusCode EmptyRequest)> _expected = new()
    {
        ["NotificationService/FileNotification"] = (Access.Organization, Invalid),
        ["NotificationService/AmendNotification"] = (Access.Organization, Invalid),
        ["NotificationService/CancelNotification"] = (Access.Organization, Invalid),
        ["NotificationService/ReportExecution"] = (Access.Organization, Invalid),
        ["NotificationService/GetNotification"] = (Access.Anyone, Invalid),
        ["NotificationService/ListNotifications"] = (Access.Anyone, Ok),
        ["NotificationService/GetAttachment"] = (Access.Anyone, Invalid),
        ["NotificationService/ExportNotification"] = (Access.Anyone, Invalid),
        ["OperatorService/CreateOperator"] = (Access.Administrators, Invalid),
        ["OperatorService/ListOperators"] = (Access.Administrators, Ok),
        ["OperatorService/RotateApiKey"] = (Access.Administrators, StatusCode.NotFound),
        ["OperatorService/WhoAmI"] = (Access.Organization, Ok),
        ["OperatorService/UpdateProfile"] = (Access.Organization, Invalid),
        ["OperatorService/ListDirectory"] = (Access.Organization, Ok),
        ["OperatorService/GetDirectoryEntry"] = (Access.Organization, StatusCode.NotFound),
        ["OperatorService/RotateWebhookSecret"] = (Access.Organization, Ok),
        ["SubscriptionService/CreateSubscription"] = (Access.Organization, Invalid),
        ["SubscriptionService/GetSubscription"] = (Access.Organization, Invalid),
        ["SubscriptionService/ListSubscriptions"] = (Access.Organization, Ok),
        ["SubscriptionService/DeleteSubscription"] = (Access.Organization, Invalid),
        ["SubscriptionService/Subscribe"] = (Access.Organization, Invalid),
        ["SubscriptionService/Acknowledge"] = (Access.Organization, Invalid),
        ["ConsultationService/RequestConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/AcknowledgeConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/AcceptConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/DeclineConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/ProposeTime"] = (Access.Organization, Invalid),
        ["ConsultationService/WithdrawConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/ProposeClosure"] = (Access.Organization, Invalid),
        ["ConsultationService/ConfirmClosure"] = (Access.Organization, Invalid),
        ["ConsultationService/ContestClosure"] = (Access.Organization, Invalid),
        ["ConsultationService/GetConsultation"] = (Access.Organization, Invalid),
        ["ConsultationService/ListConsultations"] = (Access.Organization, Ok),
        ["ConsultationService/Converse"] = (Access.Organization, Invalid),
        ["ConsultationService/ExportTranscript"] = (Access.Organization, Invalid),
        ["ConsultationService/ProposeDirectLine"] = (Access.Organization, Invalid),
        ["ConsultationService/AcceptDirectLine"] = (Access.Organization, Invalid),
        ["ConsultationService/ListDirectLines"] = (Access.Organization, Ok),
        ["ConsultationService/RingDirectLine"] = (Access.Organization, Invalid),
        ["AlertService/GetAlert"] = (Access.Organization, Invalid),
        ["AlertService/ListAlerts"] = (Access.Organization, Ok),
        ["AlertService/AcknowledgeAlert"] = (Access.Organization, Invalid),
        ["AlertService/ExportAlertCdm"] = (Access.Organization, Invalid),
        ["ObjectRegistryService/RegisterObject"] = (Access.Organization, Invalid),
        ["ObjectRegistryService/GetObject"] = (Access.Organization, StatusCode.NotFound),
        ["ObjectRegistryService/ListObjects"] = (Access.Organization, Ok),
        ["ObjectRegistryService/ReleaseObject"] = (Access.Organization, Invalid),
        ["ObjectRegistryService/ListObjectClaims"] = (Access.Administrators, Ok),
        ["ObjectRegistryService/ResolveObjectClaim"] = (Access.Administrators, Invalid),
        ["ObjectRegistryService/LoadCatalogue"] = (Access.Administrators, Invalid),
        ["ObjectRegistryService/GetCatalogueStatus"] = (Access.Organization, Ok),
        // The verifiable log reveals no content: anyone may ask for heads and proofs (salts and entries by audience).
        ["TransparencyService/GetLogKey"] = (Access.Anyone, Ok),
        ["TransparencyService/GetSignedTreeHead"] = (Access.Anyone, Ok),
        ["TransparencyService/GetInclusionProofs"] = (Access.Anyone, Invalid),
        ["TransparencyService/GetConsistencyProof"] = (Access.Anyone, Invalid),
        ["TransparencyService/ListLeaves"] = (Access.Anyone, Invalid),
        // An organisation manages its own keys (an administrator anyone's); certificates are registered by administrators.
        ["OperatorService/IssueApiKey"] = (Access.Organization, Invalid),
        ["OperatorService/ListApiKeys"] = (Access.Organization, Ok),
        ["OperatorService/RevokeApiKey"] = (Access.Organization, Invalid),
        ["OperatorService/RegisterClientCertificate"] = (Access.Administrators, Invalid),
        ["OperatorService/ListClientCertificates"] = (Access.Administrators, Ok),
        ["OperatorService/RevokeClientCertificate"] = (Access.Administrators, Invalid),
        // Administrators see every record, an organisation its own calls and others' calls about what it owns.
        ["AuditService/ListAuditRecords"] = (Access.Organization, Ok),
    };

    // Calls that change the caller's own credentials run last, so that every other call of the role uses them first.
    private static readonly string[] _last = ["OperatorService/RotateWebhookSecret", "OperatorService/RotateApiKey"];

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _filer = null!;
    private readonly Dictionary<Role, (ExchangeClient Client, CallInvoker Invoker)> _callers = [];
    private readonly List<Grpc.Net.Client.GrpcChannel> _channels = [];

    [SetUp]
    public async Task Start()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _filer = await _host.NewOperatorAsync("filer-ops");
        var adminKey = await _host.NewOperatorKeyAsync("matrix-admin", administrator: true);
        var operatorKey = await _host.NewOperatorKeyAsync("matrix-operator");
        var agencyKey = (await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "matrix-agency", DisplayName = "A space agency", Kind = OrganizationKind.Agency,
            Contact = new PointOfContact { Name = "Duty officer", Email = "duty@agency.example" },
        })).ApiKey;
        foreach (var (role, key) in new[] { (Role.Administrator, adminKey), (Role.Operator, operatorKey), (Role.Agency, agencyKey) })
        {
            var channel = ExchangeHost.ApiKeyChannel(_host.Address, key);
            _channels.Add(channel);
            _callers[role] = (_host.Client(key), channel.CreateCallInvoker());
        }
        var anonymous = _host.AnonymousChannel();
        _callers[Role.None] = (new ExchangeClient(anonymous), anonymous.CreateCallInvoker());
    }

    [TearDown]
    public async Task Stop()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static IEnumerable<(string Name, MethodDescriptor Method)> Rpcs() =>
        typeof(NotificationService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods.Select(m => ($"{service.Name}/{m.Name}", m)))
            .OrderBy(r => Array.IndexOf(_last, r.Item1))
            .ThenBy(r => r.Item1, StringComparer.Ordinal);

    [Test]
    public void Every_rpc_of_the_contract_has_an_expectation()
    {
        var rpcs = Rpcs().Select(r => r.Name).ToArray();
        Assert.That(rpcs, Is.Not.Empty);
        Assert.That(rpcs.Except(_expected.Keys), Is.Empty, "RPCs without a row in the authorization matrix: add one");
        Assert.That(_expected.Keys.Except(rpcs), Is.Empty, "rows for RPCs the contract no longer has");
    }

    [Test]
    public async Task Every_rpc_answers_each_role_with_its_exact_status([Values] Role role)
    {
        var failures = new List<string>();
        foreach (var (name, method) in Rpcs())
        {
            if (!_expected.TryGetValue(name, out var row))
            {
                continue; // the test above names it
            }
            var expected = (role, row.Access) switch
            {
                (Role.None, not Access.Anyone) => StatusCode.Unauthenticated,
                (Role.Operator or Role.Agency, Access.Administrators) => StatusCode.PermissionDenied,
                _ => row.EmptyRequest,
            };
            var actual = await CallAsync(_callers[role].Invoker, method);
            if (actual != expected)
            {
                failures.Add($"{name} as {role}: {actual}, expected {expected}");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task The_notification_reads_answer_each_role_by_the_notifications_audience([Values] Role role, [Values] AudienceScope scope)
    {
        if (scope == AudienceScope.Unspecified)
        {
            return; // the same as PUBLIC (NotificationAudienceTests)
        }
        var request = Notices.File(Notices.Maneuver());
        request.Audience = new Audience { Scope = scope };
        if (scope is AudienceScope.Named or AudienceScope.Bilateral)
        {
            request.Audience.Organizations.Add("someone-else");
            await _host.NewOperatorAsync("someone-else");
        }
        var id = (await _filer.Notifications.FileNotificationAsync(request)).Notification.Id;
        var admitted = scope == AudienceScope.Public || (scope == AudienceScope.Registered && role != Role.None);
        var reader = _callers[role].Client;

        var get = await Status(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id }).ResponseAsync);
        var export = await Status(() => reader.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = id }).ResponseAsync);
        var attachment = await CallOutcome.Of(() => reader.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = id, Role = AttachmentRole.Source }).ResponseAsync);
        var listed = (await reader.Notifications.ListNotificationsAsync(new ListNotificationsRequest())).Notifications.Any(n => n.Id == id);

        Assert.Multiple(() =>
        {
            Assert.That(get, Is.EqualTo(admitted ? StatusCode.OK : StatusCode.NotFound), "GetNotification");
            Assert.That(export, Is.EqualTo(admitted ? StatusCode.OK : StatusCode.NotFound), "ExportNotification");
            Assert.That(attachment.Code, Is.EqualTo(StatusCode.NotFound), "GetAttachment (it has none)");
            Assert.That(attachment.Detail, admitted ? Does.Contain("attachment") : (NUnit.Framework.Constraints.IResolveConstraint)Is.EqualTo($"notification {id} not found"), "GetAttachment");
            Assert.That(listed, Is.EqualTo(admitted), "ListNotifications");
        });
    }

    private static async Task<StatusCode> Status<T>(Func<Task<T>> call) => (await CallOutcome.Of(call)).Code;

    /// <summary>Calls an RPC with an empty request (the empty message's bytes) whatever its shape; the status it ends with.</summary>
    private static async Task<StatusCode> CallAsync(CallInvoker invoker, MethodDescriptor descriptor)
    {
        var marshaller = Marshallers.Create<byte[]>(b => b, b => b);
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, marshaller, marshaller);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(method, null, options, []);
                    await call.ResponseStream.MoveNext(CancellationToken.None); // a stream that opened answered OK
                    break;
                }
                case MethodType.DuplexStreaming:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
                    await call.RequestStream.WriteAsync([]);
                    await call.RequestStream.CompleteAsync();
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }
                    break;
                }
                default:
                {
                    using var call = invoker.AsyncClientStreamingCall(method, null, options);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseAsync;
                    break;
                }
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
