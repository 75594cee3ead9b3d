using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// A string field whose bytes are not UTF-8 (what a JavaScript or Java client sends for a string holding a lone
/// surrogate) makes the request no valid message, but it is a mistake in one field: INVALID_ARGUMENT naming each such
/// field by its wire path, on unary and streaming calls; bytes broken otherwise stay INTERNAL "error parsing request".
/// </summary>
public class InvalidUtf8RequestTests
{
    // A lone high surrogate (U+D800) as a UTF-16-to-UTF-8 encoder that does not check writes it: no UTF-8 decoder accepts it.
    private static readonly byte[] LoneSurrogate = [0xED, 0xA0, 0x80];

    // Three ASCII bytes in a serialized message, replaced by LoneSurrogate: the same length, so every length prefix holds.
    private const string Marker = "\u0001~\u0001";

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private CallInvoker _invoker = null!;
    private ExchangeClient _client = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        var key = await _host.NewOperatorKeyAsync("utf8-ops");
        await _host.NewOperatorAsync("utf8-peer");
        _client = _host.Client(key);
        _invoker = ExchangeHost.ApiKeyChannel(_host.Address, key).CreateCallInvoker();
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    /// <summary><paramref name="message"/> serialized, each <see cref="Marker"/> in it replaced by a lone surrogate.</summary>
    private static byte[] WithLoneSurrogates(IMessage message)
    {
        var bytes = message.ToByteArray();
        var marker = Encoding.UTF8.GetBytes(Marker);
        Assert.That(bytes.AsSpan().IndexOf(marker), Is.Not.Negative, "the marker is in the message");
        for (var at = bytes.AsSpan().IndexOf(marker); at >= 0; at = bytes.AsSpan().IndexOf(marker))
        {
            LoneSurrogate.CopyTo(bytes, at);
        }
        return bytes;
    }

    private async Task<RpcException> UnaryAsync(string service, string method, byte[] request) =>
        await GrpcAssert.FailsWithAsync(StatusCode.InvalidArgument, async () => await _invoker.AsyncUnaryCall(
            new Method<byte[], byte[]>(MethodType.Unary, $"notification_exchange.v1.{service}", method, Bytes, Bytes), null, new CallOptions(), request));

    private static string[] Fields(RpcException refusal) =>
        refusal.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToArray();

    [Test]
    public async Task Strings_that_are_not_utf8_are_refused_naming_each_field_however_deep_or_repeated()
    {
        var request = await UnaryAsync("ConsultationService", "RequestConsultation", WithLoneSurrogates(new RequestConsultationRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Counterparts = { "utf8-peer", $"utf8{Marker}peer" },
            Topic = "GEO slot",
            Subject = $"Who moves?{Marker}",
            Urgency = ConsultationUrgency.Routine,
        }));
        Assert.That(Fields(request), Is.EqualTo(new[] { "counterparts[1]", "subject" }));
        Assert.That(request.Status.Detail, Does.StartWith("2 invalid fields, first counterparts[1]: is not valid UTF-8"));

        var closure = await UnaryAsync("ConsultationService", "ProposeClosure", WithLoneSurrogates(new ProposeClosureRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ConsultationId = "CON-1",
            OutcomeSummary = "Agreed",
            Actions = { new AgreedAction { OrganizationId = "utf8-ops", Action = "maneuvers" }, new AgreedAction { OrganizationId = "utf8-peer", Action = $"holds{Marker}" } },
        }));
        Assert.That(Fields(closure), Is.EqualTo(new[] { "actions[1].action" }));

        var profile = await UnaryAsync("OperatorService", "UpdateProfile", WithLoneSurrogates(new UpdateProfileRequest
        {
            DisplayName = "UTF-8 ops",
            Kind = OrganizationKind.Operator,
            Contacts = { new ContactPoint { Role = ContactRole.Primary, Name = "Duty", Email = "duty@example.org", WebhookUrl = $"https://hooks.example.org/{Marker}" } },
        }));
        Assert.That(Fields(profile), Is.EqualTo(new[] { "contacts[0].webhook_url" }));
        Assert.That((await _client.Consultations.ListConsultationsAsync(new ListConsultationsRequest())).Consultations, Is.Empty, "nothing was requested");
    }

    [Test]
    public async Task A_stream_s_request_that_is_not_utf8_is_refused_naming_the_field()
    {
        var refusal = await GrpcAssert.FailsWithAsync(StatusCode.InvalidArgument, async () =>
        {
            using var call = _invoker.AsyncServerStreamingCall(
                new Method<byte[], byte[]>(MethodType.ServerStreaming, "notification_exchange.v1.SubscriptionService", "Subscribe", Bytes, Bytes),
                null, new CallOptions(), WithLoneSurrogates(new SubscribeRequest { SubscriptionId = $"SUB{Marker}" }));
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.That(Fields(refusal), Is.EqualTo(new[] { "subscription_id" }));
    }

    [Test]
    public async Task Bytes_broken_otherwise_as_well_stay_internal_error_parsing_request()
    {
        // The id is not UTF-8, and a field after it runs past the end: no field can be blamed alone.
        var bytes = WithLoneSurrogates(new GetConsultationRequest { ConsultationId = $"CON-1{Marker}" });
        byte[] truncated = [.. bytes, 0x0A, 0x7F, 0x41];

        var refusal = await GrpcAssert.FailsWithAsync(StatusCode.Internal, async () => await _invoker.AsyncUnaryCall(
            new Method<byte[], byte[]>(MethodType.Unary, "notification_exchange.v1.ConsultationService", "GetConsultation", Bytes, Bytes),
            null, new CallOptions(), truncated));

        Assert.That(refusal.Status.Detail, Is.EqualTo("error parsing request"));
    }
}
