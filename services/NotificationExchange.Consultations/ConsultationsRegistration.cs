using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Consultations.DirectLines;
using NotificationExchange.Consultations.Transcripts;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;

namespace NotificationExchange.Consultations;

public static class ConsultationsRegistration
{
    /// <summary>
    /// Consultations: the state machine, the service that runs commands through the log writer, and the reader; the
    /// transcript (its digest in the closing write, and its export); direct lines. The host supplies the store's ports
    /// and an <see cref="Domain.Storage.IEventRenderer"/>.
    /// </summary>
    public static IHostApplicationBuilder AddConsultations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton<ConsultationLifecycle>();
        builder.Services.AddSingleton<ConsultationService>();
        builder.Services.AddSingleton<ConsultationReader>();
        builder.Services.AddSingleton<ITranscriptDigester, TranscriptDigester>();
        builder.Services.AddSingleton<TranscriptExporter>();
        builder.Services.AddSingleton<DirectLineLifecycle>();
        builder.Services.AddSingleton<DirectLineService>();
        return builder;
    }
}
