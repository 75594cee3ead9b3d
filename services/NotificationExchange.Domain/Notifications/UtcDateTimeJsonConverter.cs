using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// Every time in the model is UTC, and its stored form says so (ISO 8601 with Z). A time of another kind is refused
/// when written, and a stored time without the Z when read: such a value could not be served as a
/// google.protobuf.Timestamp, and keeping it would poison every read of the snapshot holding it.
/// </summary>
internal sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The designator is looked at in the raw bytes (an ISO 8601 time has no escapes), without making a string.
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan is not [.., (byte)'Z']
            || !reader.TryGetDateTime(out var time) || time.Kind != DateTimeKind.Utc)
        {
            throw new JsonException($"'{(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString())}' is not a UTC time (ISO 8601 ending in Z)");
        }
        return time;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new JsonException($"{value:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF} is a {value.Kind} time, not UTC");
        }
        writer.WriteStringValue(value);
    }
}
