using Grpc.Net.Client;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Testing.Exchange;

/// <summary>The generated client of every service over one channel: what the exchange's tests call, as any gRPC
/// client from the protos would.</summary>
public sealed class ExchangeClient(GrpcChannel channel)
{
    public NotificationService.NotificationServiceClient Notifications { get; } = new(channel);
    public SubscriptionService.SubscriptionServiceClient Subscriptions { get; } = new(channel);
    public OperatorService.OperatorServiceClient Operators { get; } = new(channel);
    public ConsultationService.ConsultationServiceClient Consultations { get; } = new(channel);
    public AlertService.AlertServiceClient Alerts { get; } = new(channel);
    public ObjectRegistryService.ObjectRegistryServiceClient Registry { get; } = new(channel);
    public AuditService.AuditServiceClient Audit { get; } = new(channel);
}
