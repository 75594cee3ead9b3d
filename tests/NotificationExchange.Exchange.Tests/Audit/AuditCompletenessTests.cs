using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Api.Audit;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audit;

/// <summary>
/// Every RPC of the wire contract, enumerated from the proto descriptors, is either audited or said not to be; each
/// audited one, called once by an operator and once by an administrator, leaves exactly one record naming the caller,
/// its credential, the RPC, the target the request named and the status the client got.
/// </summary>
public sealed class AuditCompletenessTests
{
    private const string Marker = "T-1";
    private const uint NoradMarker = 99_001;

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static IReadOnlyList<MethodDescriptor> EveryRpc() =>
        typeof(NotificationService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace == typeof(NotificationService).Namespace)
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .ToList();

    [Test]
    public void Every_rpc_of_the_contract_is_audited_or_said_not_to_be()
    {
        var methods = EveryRpc().Select(m => $"{m.Service.FullName}/{m.Name}").ToList();
        Assert.That(methods, Has.Count.GreaterThan(50), "the descriptors of every proto file are found");
        Assert.That(methods.Where(m => !AuditedCalls.Audited.ContainsKey(m) && !AuditedCalls.NotAudited.ContainsKey(m)), Is.Empty,
            "each new RPC is added to AuditedCalls.Audited (and so to the test below) or to AuditedCalls.NotAudited with its reason");
        Assert.That(AuditedCalls.Audited.Keys.Concat(AuditedCalls.NotAudited.Keys).Except(methods), Is.Empty, "no name that is not an RPC");
        Assert.That(AuditedCalls.Audited.Keys.Intersect(AuditedCalls.NotAudited.Keys), Is.Empty);
    }

    [Test]
    public async Task Every_audited_call_leaves_exactly_one_record_naming_caller_credential_rpc_target_and_outcome()
    {
        const string operatorId = "audited-op";
        var operatorKey = await _host.NewOperatorKeyAsync(operatorId);
        var callers = new[] { (Id: operatorId, Key: operatorKey, Administrator: false), (Id: "admin", Key: ExchangeHost.AdminKey, Administrator: true) };
        var audit = _host.Services.GetRequiredService<IAuditLog>();
        // Each call names the key that authenticated it by the key's id, never by the key.
        var credentials = _host.Services.GetRequiredService<ICredentialStore>();
        var keyIds = new Dictionary<string, string>();
        foreach (var caller in callers)
        {
            keyIds[caller.Id] = (await credentials.FindKeyAsync(ApiKeys.Hash(caller.Key), CancellationToken.None))!.Key.Id;
        }
        var last = await LastIdAsync(audit);
        var checkedCalls = 0;

        foreach (var method in EveryRpc().Where(m => AuditedCalls.Audited.ContainsKey($"{m.Service.FullName}/{m.Name}")))
        {
            var rpc = $"{method.Service.FullName}/{method.Name}";
            var audited = AuditedCalls.Audited[rpc];
            foreach (var caller in callers)
            {
                using var channel = ExchangeHost.ApiKeyChannel(_host.Address, caller.Key);
                var request = RequestNaming(method.InputType);
                var (outcome, response) = await CallAsync(channel, method, request);

                var records = (await audit.ListAuditRecordsAsync(new AuditQuery(null, null, null, null, null, null, last, 10), CancellationToken.None)).Records;
                Assert.That(records, Has.Count.EqualTo(1), $"{rpc} by {caller.Id} ({outcome}) leaves exactly one record");
                var record = records.Single();
                last = record.Id;
                var forbidden = outcome == StatusCode.PermissionDenied && !caller.Administrator && IsAdministratorsOnly(method);
                Assert.Multiple(() =>
                {
                    Assert.That(record.Rpc, Is.EqualTo(rpc));
                    Assert.That(record.OrganizationId, Is.EqualTo(caller.Id), rpc);
                    Assert.That(record.Credential, Is.EqualTo("key:" + keyIds[caller.Id]), rpc);
                    Assert.That(record.ClientAddress, Is.EqualTo("127.0.0.1"), rpc);
                    Assert.That(record.Action, Is.EqualTo(audited.Action), rpc);
                    Assert.That(record.TargetKind, Is.EqualTo(audited.TargetKind), rpc);
                    Assert.That(record.Outcome, Is.EqualTo(AuditRecorder.OutcomeName(outcome)), rpc);
                    if (forbidden)
                    {
                        // refused by authorization before the request was read
                        Assert.That(record.TargetId, Is.Null, rpc);
                        Assert.That(record.RequestId, Is.Null, rpc);
                    }
                    else
                    {
                        var expected = audited.Target(request, response, caller.Id);
                        Assert.That(record.TargetId, Is.EqualTo(expected), rpc);
                        if (response is null)
                        {
                            Assert.That(expected, Is.Null.Or.EqualTo(Marker).Or.EqualTo(NoradMarker.ToString(System.Globalization.CultureInfo.InvariantCulture)).Or.EqualTo(caller.Id),
                                $"{rpc}: the target is the id the request named, or the caller");
                        }
                        Assert.That(record.RequestId, Is.EqualTo(method.InputType.FindFieldByName("request_id") is null ? null : Marker + "-request"), rpc);
                    }
                });
                checkedCalls++;
            }
        }
        Assert.That(checkedCalls, Is.EqualTo(2 * AuditedCalls.Audited.Count));
    }

    [Test]
    public async Task A_reader_of_a_notification_appears_in_its_owners_audit_and_nobody_elses()
    {
        var a = await _host.NewOperatorAsync("owner-a");
        var b = await _host.NewOperatorAsync("reader-b");
        var c = await _host.NewOperatorAsync("other-c");
        var filed = await a.Notifications.FileNotificationAsync(Support.Notices.File(Support.Notices.Maneuver()));
        var id = filed.Notification.Id;
        await b.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id });

        var seenByA = (await a.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = id })).Records;
        Assert.That(seenByA.Select(r => (r.OrganizationId, r.Action, r.Outcome)), Is.EqualTo(new[]
        {
            ("owner-a", AuditAction.File, "OK"), ("reader-b", AuditAction.Read, "OK"),
        }), "who read my maneuver? B did");
        Assert.That(seenByA.Select(r => r.TargetOwner), Is.All.EqualTo("owner-a"));
        Assert.That(seenByA[1].Rpc, Is.EqualTo("notification_exchange.v1.NotificationService/GetNotification"));

        var seenByB = (await b.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = id })).Records;
        Assert.That(seenByB.Select(r => r.OrganizationId), Is.EqualTo(new[] { "reader-b" }), "B sees its own read, not A's filing");
        Assert.That((await c.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = id })).Records, Is.Empty, "C sees nothing of A's");
        Assert.That((await c.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { OrganizationId = "reader-b" })).Records, Is.Empty);

        var everything = (await _host.Admin().Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = id, Action = AuditAction.Read })).Records;
        Assert.That(everything.Select(r => r.OrganizationId), Is.EqualTo(new[] { "reader-b" }), "an administrator sees every record");
    }

    [Test]
    public async Task A_call_naming_a_megabyte_long_id_is_recorded_with_its_start_and_length()
    {
        var caller = await _host.NewOperatorAsync("long-id-reader");
        var id = "MNV-" + new string('9', 1_000_000);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await caller.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id }));

        // On PostgreSQL the whole id could not even be indexed: the call was answered UNAVAILABLE before ids were bounded.
        Assert.That(refused!.StatusCode, Is.AnyOf(StatusCode.InvalidArgument, StatusCode.NotFound), refused.Message);
        var records = (await caller.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { OrganizationId = "long-id-reader", Action = AuditAction.Read })).Records;
        Assert.That(records.Select(r => r.TargetId), Is.EqualTo(new[] { $"{id[..216]}…[{id.Length} characters]" }));
    }

    [Test]
    public async Task Audit_queries_are_validated_by_field_and_paged()
    {
        var admin = _host.Admin();
        var violations = await Support.GrpcAssert.InvalidFieldsAsync(async () => await admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            Action = (AuditAction)42,
            PageSize = 1001,
            PageToken = "garbage",
            TargetId = new string('x', 129),
            Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2030, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
            Until = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        }));
        Assert.That(violations.Keys, Is.EquivalentTo(new[] { "action", "page_size", "page_token", "target_id", "until" }));
        // Times no Timestamp can hold are named with the rest (a grpc-js client found them answered UNKNOWN).
        var times = await Support.GrpcAssert.InvalidFieldsAsync(async () => await admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            Action = (AuditAction)99,
            Since = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -1 },
            Until = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 253_402_300_800 },
        }));
        Assert.That(times.Keys, Is.EquivalentTo(new[] { "action", "since", "until" }));

        for (var i = 0; i < 3; i++)
        {
            await admin.Operators.WhoAmIAsync(new WhoAmIRequest());
            await admin.Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = $"nobody-{i}" }).ResponseAsync.ContinueWith(_ => { });
        }
        var first = await admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { OrganizationId = "admin", Action = AuditAction.Administer, PageSize = 2 });
        Assert.That(first.Records, Has.Count.EqualTo(2));
        Assert.That(first.NextPageToken, Is.Not.Empty);
        var rest = await admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            OrganizationId = "admin", Action = AuditAction.Administer, PageSize = 1000, PageToken = first.NextPageToken,
        });
        Assert.That(rest.Records.Select(r => r.Id), Is.All.GreaterThan(first.Records[1].Id));
        Assert.That(first.Records.Concat(rest.Records).Count(r => r.TargetId.StartsWith("nobody-", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3),
            "WhoAmI is not audited; every key rotation is, refused or not");
    }

    private static async Task<long> LastIdAsync(IAuditLog audit)
    {
        long last = 0;
        while ((await audit.ListAuditRecordsAsync(new AuditQuery(null, null, null, null, null, null, last, 1000), CancellationToken.None)) is { Records.Count: > 0 } page)
        {
            last = page.Records[^1].Id;
        }
        return last;
    }

    /// <summary>A request of this type naming <see cref="Marker"/> in each of its ids (and a request id), nothing else set.</summary>
    private static IMessage RequestNaming(MessageDescriptor type)
    {
        var request = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (field.FieldType == FieldType.String && field.Name == "request_id")
            {
                field.Accessor.SetValue(request, Marker + "-request");
            }
            else if (field.FieldType == FieldType.String && field.Name.EndsWith("_id", StringComparison.Ordinal) && !field.IsRepeated)
            {
                field.Accessor.SetValue(request, Marker);
            }
            else if (field.FieldType == FieldType.UInt32 && field.Name == "norad_cat_id")
            {
                field.Accessor.SetValue(request, NoradMarker);
            }
            else if (field.FieldType == FieldType.Message && !field.IsRepeated && (field.Name is "object" or "open"))
            {
                // the registration's object and a Converse stream's opening name their ids inside
                field.Accessor.SetValue(request, RequestNaming(field.MessageType));
            }
        }
        return request;
    }

    private static async Task<(StatusCode Outcome, IMessage? Response)> CallAsync(GrpcChannel channel, MethodDescriptor method, IMessage request)
    {
        var marshallerIn = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes));
        var marshallerOut = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (method.IsClientStreaming)
            {
                var duplex = new Method<IMessage, IMessage>(MethodType.DuplexStreaming, method.Service.FullName, method.Name, marshallerIn, marshallerOut);
                using var call = invoker.AsyncDuplexStreamingCall(duplex, null, options);
                await call.RequestStream.WriteAsync(request);
                await call.RequestStream.CompleteAsync();
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
                return (StatusCode.OK, null);
            }
            var unary = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name, marshallerIn, marshallerOut);
            return (StatusCode.OK, await invoker.AsyncUnaryCall(unary, null, options, request));
        }
        catch (RpcException e)
        {
            return (e.StatusCode, null);
        }
    }

    /// <summary>Whether the exchange's implementation of the RPC carries [Authorize(Roles = ...)].</summary>
    private static bool IsAdministratorsOnly(MethodDescriptor method) =>
        typeof(AuditedCalls).Assembly.GetTypes()
            .Where(t => t.BaseType?.DeclaringType?.Name == method.Service.Name)
            .Select(t => t.GetMethod(method.Name))
            .Any(m => m?.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Roles is not null) == true);
}
