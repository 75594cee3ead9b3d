using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>Consultations brought to the state a conversation test needs, through the exchange's own calls.</summary>
internal static class Consulting
{
    public static RequestConsultationRequest Request(params string[] counterparts) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Counterparts = { counterparts },
        Topic = "Conjunction SENTINEL-1A / debris 48274",
        Subject = "Who moves?",
        Body = "Our screening shows a close approach on 3 December; can we agree who maneuvers?",
        Urgency = ConsultationUrgency.Urgent,
    };

    /// <summary>Requests a consultation of <paramref name="counterpartId"/>; it is REQUESTED.</summary>
    public static async Task<string> RequestAsync(ExchangeClient requester, string counterpartId) =>
        (await requester.Consultations.RequestConsultationAsync(Request(counterpartId))).Id;

    /// <summary>Requests a consultation of <paramref name="counterpartId"/>, which accepts: it is OPEN.</summary>
    public static async Task<string> OpenAsync(ExchangeClient requester, ExchangeClient counterpart, string counterpartId)
    {
        var id = await RequestAsync(requester, counterpartId);
        await counterpart.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Guid.NewGuid().ToString("N"), ConsultationId = id });
        return id;
    }

    /// <summary>The requester proposes closure and the counterpart confirms: the consultation is CLOSED.</summary>
    public static async Task CloseAsync(ExchangeClient requester, ExchangeClient counterpart, string consultationId)
    {
        await requester.Consultations.ProposeClosureAsync(new ProposeClosureRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), ConsultationId = consultationId, OutcomeSummary = "The requester maneuvers at 12:00Z",
        });
        await counterpart.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Guid.NewGuid().ToString("N"), ConsultationId = consultationId });
    }
}
