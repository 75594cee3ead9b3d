using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// Limits consultations.proto states that the exchange once let through (found by the Node.js outsider client,
/// OutsiderNodeConsultationTests): each is refused INVALID_ARGUMENT on its field, and nothing is changed.
/// </summary>
public class ConsultationContractLimitsTests
{
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

    private static string Id() => Guid.NewGuid().ToString("N");

    /// <summary>A requester and a counterpart of the test's own, and a consultation between them left REQUESTED.</summary>
    private async Task<(ExchangeClient Requester, string RequesterId, ExchangeClient Counterpart, string CounterpartId, string ConsultationId)> ConsultationAsync()
    {
        var prefix = $"lim{Random.Shared.Next(100_000, 999_999)}";
        var requester = await _host.NewOperatorAsync($"{prefix}-a");
        var counterpart = await _host.NewOperatorAsync($"{prefix}-b");
        var requested = await requester.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = Id(), Counterparts = { $"{prefix}-b" }, Topic = "GEO slot 19.2E", Subject = "Drift", Urgency = ConsultationUrgency.Routine,
        });
        return (requester, $"{prefix}-a", counterpart, $"{prefix}-b", requested.Id);
    }

    [TestCase("r", 65, TestName = "A request id of 65 characters is refused")]
    [TestCase("retry!1", 1, TestName = "A request id with punctuation other than . _ - : is refused")]
    [TestCase("retry 1", 1, TestName = "A request id with a space is refused")]
    [TestCase("ﬁling", 1, TestName = "A request id with letters beyond ASCII is refused")]
    public async Task Request_ids_outside_1_to_64_of_the_contract_s_characters_are_refused_on_every_consultation_call(string pattern, int repeat)
    {
        var (requester, requesterId, counterpart, counterpartId, consultationId) = await ConsultationAsync();
        var requestId = string.Concat(Enumerable.Repeat(pattern, repeat));

        var refusals = new Dictionary<string, Func<Task>>
        {
            ["RequestConsultation"] = () => requester.Consultations.RequestConsultationAsync(new RequestConsultationRequest
            {
                RequestId = requestId, Counterparts = { counterpartId }, Topic = "GEO slot", Subject = "Drift", Urgency = ConsultationUrgency.Routine,
            }).ResponseAsync,
            ["AcknowledgeConsultation"] = () => counterpart.Consultations.AcknowledgeConsultationAsync(
                new AcknowledgeConsultationRequest { RequestId = requestId, ConsultationId = consultationId }).ResponseAsync,
            ["AcceptConsultation"] = () => counterpart.Consultations.AcceptConsultationAsync(
                new AcceptConsultationRequest { RequestId = requestId, ConsultationId = consultationId }).ResponseAsync,
            ["WithdrawConsultation"] = () => requester.Consultations.WithdrawConsultationAsync(
                new WithdrawConsultationRequest { RequestId = requestId, ConsultationId = consultationId, Reason = "Settled" }).ResponseAsync,
            ["ProposeDirectLine"] = () => counterpart.Consultations.ProposeDirectLineAsync(
                new ProposeDirectLineRequest { RequestId = requestId, Counterpart = requesterId, Purpose = "GEO" }).ResponseAsync,
        };
        foreach (var (call, refusal) in refusals)
        {
            var fields = await GrpcAssert.InvalidFieldsAsync(refusal);
            Assert.That(fields.Keys, Is.EqualTo(new[] { "request_id" }), call);
        }

        var unchanged = await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultationId });
        Assert.That(unchanged.Consultation.State, Is.EqualTo(ConsultationState.Requested), "none of the refused calls changed the consultation");
        Assert.That(unchanged.Consultation.Counterparts[0].State, Is.EqualTo(CounterpartState.AwaitingAcknowledgement));
        // The longest and every character the contract allows pass.
        var longest = string.Concat(Enumerable.Repeat("Az09._-:", 8));
        var acknowledged = await counterpart.Consultations.AcknowledgeConsultationAsync(
            new AcknowledgeConsultationRequest { RequestId = longest, ConsultationId = consultationId });
        Assert.That(acknowledged.Counterparts[0].State, Is.EqualTo(CounterpartState.Acknowledged));
    }

    [Test]
    public async Task A_counterpart_proposing_more_than_10_times_is_refused_on_proposed_times()
    {
        var (requester, _, counterpart, _, consultationId) = await ConsultationAsync();
        var windows = Enumerable.Range(1, 11).Select(i => Notices.Window(TimeSpan.FromHours(i), TimeSpan.FromMinutes(30))).ToArray();

        var fields = await GrpcAssert.InvalidFieldsAsync(() => counterpart.Consultations.ProposeTimeAsync(
            new ProposeTimeRequest { RequestId = Id(), ConsultationId = consultationId, ProposedTimes = { windows } }).ResponseAsync);

        Assert.That(fields.Keys, Is.EqualTo(new[] { "proposed_times" }));
        Assert.That(fields["proposed_times"], Does.Contain("has 11 entries; at most 10 allowed"));
        var unchanged = await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultationId });
        Assert.That(unchanged.Consultation.Counterparts[0].State, Is.EqualTo(CounterpartState.AwaitingAcknowledgement), "nothing was proposed");
        var ten = await counterpart.Consultations.ProposeTimeAsync(
            new ProposeTimeRequest { RequestId = Id(), ConsultationId = consultationId, ProposedTimes = { windows.Take(10) } });
        Assert.That(ten.Counterparts[0].ProposedTimes, Has.Count.EqualTo(10), "ten are allowed");
    }
}
