using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Consultations.Deadlines;
using NotificationExchange.Consultations.DirectLines;
using NotificationExchange.Consultations.Transcripts;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;

namespace NotificationExchange.Consultations;

public static class ConsultationsRegistration
{
    /// <summary>
    /// Consultations: the state machine, the service that runs commands through the log writer, the reader, the
    /// deadline service that escalates (settings from Exchange:Consultations); the transcript (its digest in the closing
    /// write, and its export); direct lines. The host supplies the store's ports and an
    /// <see cref="Domain.Storage.IEventRenderer"/>. The conversation hub (this instance's Converse streams, and the
    /// periodic look at the store that heals what the bus lost) and service take settings from Exchange:Conversations
    /// and an <see cref="IConversationAnnouncer"/> from the host. Deadlines run on a <see cref="DeadlineClock"/> of the
    /// registered TimeProvider unless the host registers its own (a test's fake, registered before or after this).
    /// </summary>
    public static IHostApplicationBuilder AddConsultations(this IHostApplicationBuilder builder)
    {
        // Checked when the host starts, before any service is built: a bad setting fails the start, naming it.
        builder.Services.AddOptions<ConsultationDeadlineOptions>()
            .Bind(builder.Configuration.GetSection(ConsultationDeadlineOptions.Section))
            .Validate(options => options.IsValid(), ConsultationDeadlineOptions.PollIntervalRange)
            .ValidateOnStart();
        builder.Services.AddExchangeCore();
        builder.Services.TryAddSingleton(sp => new DeadlineClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ConsultationLifecycle>();
        builder.Services.AddSingleton<ConsultationEscalation>();
        builder.Services.AddSingleton<ConsultationService>();
        builder.Services.AddSingleton<ConsultationReader>();
        builder.Services.AddHostedService<ConsultationDeadlines>();
        builder.Services.AddSingleton<ITranscriptDigester, TranscriptDigester>();
        builder.Services.AddSingleton<TranscriptExporter>();
        builder.Services.AddSingleton<DirectLineLifecycle>();
        builder.Services.AddSingleton<DirectLineService>();
        builder.Services.Configure<ConversationOptions>(builder.Configuration.GetSection("Exchange:Conversations"));
        builder.Services.AddSingleton<ConversationHub>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConversationHub>());
        builder.Services.AddSingleton<ConversationService>();
        return builder;
    }
}
