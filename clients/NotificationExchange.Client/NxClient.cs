using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using NotificationExchange.Client.Connection;
using NotificationExchange.Client.Services;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client;

/// <summary>
/// The exchange, every service of it, over one channel: <see cref="Operators"/> (organisations, keys, directory),
/// <see cref="Notifications"/> (filing), <see cref="Subscriptions"/>, <see cref="Consultations"/>,
/// <see cref="Registry"/> (objects, catalogue), <see cref="Alerts"/> and <see cref="Transparency"/> (the verifiable log). Unary calls get the options' deadline unless
/// they set one and are retried by gRPC on UNAVAILABLE; changes carry request ids (see <see cref="RequestIds"/>).
/// Thread-safe; make one per exchange and key, and dispose it at the end.
/// </summary>
public sealed class NxClient : IDisposable
{
    private readonly GrpcChannel? _ownedChannel;

    /// <summary>A client over <paramref name="callInvoker"/> (from the client factory, or a channel the caller owns and
    /// has already given deadlines and credentials).</summary>
    public NxClient(CallInvoker callInvoker)
        : this(new OperatorService.OperatorServiceClient(callInvoker), new NotificationService.NotificationServiceClient(callInvoker),
            new SubscriptionService.SubscriptionServiceClient(callInvoker), new ConsultationService.ConsultationServiceClient(callInvoker),
            new ObjectRegistryService.ObjectRegistryServiceClient(callInvoker), new AlertService.AlertServiceClient(callInvoker),
            new TransparencyService.TransparencyServiceClient(callInvoker),
            new AuditService.AuditServiceClient(callInvoker))
    {
    }

    /// <summary>A client over generated clients made elsewhere (the client factory's).</summary>
    internal NxClient(
        OperatorService.OperatorServiceClient operators, NotificationService.NotificationServiceClient notifications,
        SubscriptionService.SubscriptionServiceClient subscriptions, ConsultationService.ConsultationServiceClient consultations,
        ObjectRegistryService.ObjectRegistryServiceClient registry, AlertService.AlertServiceClient alerts,
        TransparencyService.TransparencyServiceClient transparency, AuditService.AuditServiceClient audit)
    {
        Operators = new OperatorsApi(operators);
        Notifications = new NotificationsApi(notifications);
        Subscriptions = new SubscriptionsApi(subscriptions);
        Consultations = new ConsultationsApi(consultations);
        Registry = new RegistryApi(registry);
        Alerts = new AlertsApi(alerts);
        Transparency = new TransparencyApi(transparency, Notifications, Consultations);
        Audit = new AuditApi(audit);
    }

    private NxClient(GrpcChannel channel, NxClientOptions options)
        : this(channel.Intercept(new DefaultDeadlineInterceptor(options.CallTimeout)))
    {
        _ownedChannel = channel;
    }

    /// <summary>A client with a channel of its own, configured by <paramref name="options"/>.</summary>
    public static NxClient Create(NxClientOptions options) => new(NxChannel.Create(options), options);

    public OperatorsApi Operators { get; }

    public NotificationsApi Notifications { get; }

    public SubscriptionsApi Subscriptions { get; }

    public ConsultationsApi Consultations { get; }

    public RegistryApi Registry { get; }

    public AlertsApi Alerts { get; }

    /// <summary>The transparency log: signed tree heads, proofs, and the checks a client makes with them.</summary>
    public TransparencyApi Transparency { get; }

    /// <summary>The audit record: who did what with what, for administrators and for the owners of what was touched.</summary>
    public AuditApi Audit { get; }

    public void Dispose() => _ownedChannel?.Dispose();
}
