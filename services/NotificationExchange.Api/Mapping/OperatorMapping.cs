using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Operators;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Operator accounts to the wire.</summary>
internal static class OperatorMapping
{
    public static P.Operator ToProto(this OperatorAccount account) => new()
    {
        Id = account.Id,
        DisplayName = account.DisplayName,
        Contact = account.Contact?.ToProto(),
        Administrator = account.IsAdministrator,
        CreatedAt = Timestamp.FromDateTime(account.CreatedAt),
    };
}
