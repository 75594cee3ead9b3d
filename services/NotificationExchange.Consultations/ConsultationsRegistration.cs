using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Consultations;

public static class ConsultationsRegistration
{
    /// <summary>
    /// Consultations: the state machine, the service that runs commands through the log writer, and the reader. The
    /// host supplies the store's ports and an <see cref="Domain.Storage.IEventRenderer"/>.
    /// </summary>
    public static IHostApplicationBuilder AddConsultations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton<ConsultationLifecycle>();
        builder.Services.AddSingleton<ConsultationService>();
        builder.Services.AddSingleton<ConsultationReader>();
        return builder;
    }
}
