namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>An unrevoked certificate registration, and the organisation it maps to.</summary>
public sealed record ClientCertificateHolder(ClientCertificateMapping Mapping, OperatorAccount Account);
