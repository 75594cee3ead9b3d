using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Subscriptions;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The one JSON form of the model, used wherever it is persisted or carried as text (the log, the bus). Enums are
/// written by name so that stored snapshots stay readable and survive renumbering.
/// </summary>
public static class NotificationJson
{
    /// <summary>
    /// The form request digests are computed from. It is frozen: digests are stored with requests, and a digest that
    /// changed with the stored form would make a retry spanning an upgrade look like a different request (and the
    /// client file it again under a new id). So it keeps what the stored form has since dropped (RtnVector.Norm), and
    /// writes NaN and infinities as names instead of throwing: a digest must be computable for any request, even one
    /// the write will refuse (a report is checked only there).
    /// </summary>
    private static readonly JsonSerializerOptions _fingerprintOptions = new(NotificationJsonContext.Default.Options)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = NotificationJsonContext.Default.WithAddedModifier(static info =>
        {
            if (info.Type == typeof(RtnVector))
            {
                // in place of the ignored property, where it was (RequestDigestTests holds the result to what was stored)
                var norm = info.CreateJsonPropertyInfo(typeof(double), "norm");
                norm.Get = static vector => ((RtnVector)vector).Norm;
                info.Properties[info.Properties.ToList().FindIndex(p => p.Name == "norm")] = norm;
            }
            // Lists added to notices after digests were first stored are left out while empty, so that a request that
            // does not use them keeps the digest it had before they existed (RequestDigestTests holds the results).
            var added = info.Type == typeof(ProximityOperationNotice) ? "planned_maneuvers" : info.Type == typeof(LaunchNotice) ? "stage_orbits" : null;
            foreach (var property in info.Properties.Where(p => p.Name == added))
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }),
    };

    // A snapshot is written to the log and then put on the bus: serialize each (immutable) snapshot once.
    private static readonly ConditionalWeakTable<Notification, string> _serialized = [];

    public static string Serialize(Notification notification) =>
        _serialized.GetValue(notification, static n => JsonSerializer.Serialize(n, NotificationJsonContext.Default.Notification));

    public static Notification DeserializeNotification(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.Notification)
        ?? throw new JsonException("a notification snapshot was null");

    /// <summary>
    /// A part of the model as its stored form reads back (a notice, a report): the one form that the log then stores,
    /// the bus carries and the answer is built from. Throws <see cref="JsonException"/> when the value has no stored
    /// form (a time that is not UTC, a number JSON cannot hold, a null where the model has none) or does not survive
    /// it unchanged.
    /// </summary>
    public static T ReadBack<T>(T value)
        where T : class
    {
        var info = StoredForm<T>();
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, info);
        }
        catch (ArgumentException e)
        {
            // System.Text.Json refuses NaN and infinities this way
            throw new JsonException(e.Message, e);
        }
        var stored = JsonSerializer.Deserialize(json, info) ?? throw new JsonException($"a {typeof(T).Name} read back as null");
        if (!JsonSerializer.SerializeToUtf8Bytes(stored, info).AsSpan().SequenceEqual(json))
        {
            throw new JsonException($"the {typeof(T).Name} changes when its stored form is read back");
        }
        return stored;
    }

    /// <summary>
    /// A digest of what a consultation command asks for (everything but its request id), as for filings, and of which
    /// command it is: two commands may have the same members (a withdrawal and a contested closure both carry a
    /// reason), and the same id reused for the other must differ. Its form is frozen: digests are stored.
    /// </summary>
    public static byte[] Fingerprint(Consultations.Commands.ConsultationCommand command) => command switch
    {
        Consultations.Commands.RequestConsultationCommand c => NamedDigest(c with { RequestId = "" }),
        Consultations.Commands.RespondToConsultationCommand c => NamedDigest(c with { RequestId = "" }),
        Consultations.Commands.WithdrawConsultationCommand c => NamedDigest(c with { RequestId = "" }),
        Consultations.Commands.ProposeClosureCommand c => NamedDigest(c with { RequestId = "" }),
        Consultations.Commands.ConfirmClosureCommand c => NamedDigest(c with { RequestId = "" }),
        Consultations.Commands.ContestClosureCommand c => NamedDigest(c with { RequestId = "" }),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
    };

    /// <summary>A digest of what a direct-line call asks for, in the form of consultation commands' (it names the call).</summary>
    public static byte[] Fingerprint(Consultations.DirectLines.Commands.ProposeDirectLineCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Consultations.DirectLines.Commands.AcceptDirectLineCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Registry.Commands.RegisterObjectCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Registry.Commands.ReleaseObjectCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Registry.Commands.ResolveObjectClaimCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Registry.Commands.LoadCatalogueCommand command) => NamedDigest(command with { RequestId = "" });

    public static byte[] Fingerprint(Alerts.Commands.AcknowledgeAlertCommand command) => NamedDigest(command with { RequestId = "" });

    // The command's type name, a line break, then its JSON in the frozen fingerprint form.
    private static byte[] NamedDigest<T>(T command) =>
        SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(typeof(T).Name + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(command, _fingerprintOptions)]);

    public static string Serialize(Consultations.ConsultationChange change) =>
        JsonSerializer.Serialize(change, NotificationJsonContext.Default.ConsultationChange);

    public static Consultations.ConsultationChange DeserializeConsultationChange(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.ConsultationChange) ?? throw new JsonException("a consultation snapshot was null");

    public static string Serialize(Consultations.DirectLines.DirectLineChange change) =>
        JsonSerializer.Serialize(change, NotificationJsonContext.Default.DirectLineChange);

    public static Consultations.DirectLines.DirectLineChange DeserializeDirectLineChange(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.DirectLineChange) ?? throw new JsonException("a direct line snapshot was null");

    /// <summary>An audience's parties as the log stores them beside an entry (a JSON array of organisation ids).</summary>
    public static string SerializeParties(IReadOnlyList<string> parties) =>
        JsonSerializer.Serialize(parties, NotificationJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> DeserializeParties(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.IReadOnlyListString) ?? throw new JsonException("parties were null");

    public static string Serialize(MatchKeys keys) => JsonSerializer.Serialize(keys, NotificationJsonContext.Default.MatchKeys);

    public static MatchKeys DeserializeMatchKeys(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.MatchKeys) ?? throw new JsonException("match keys were null");

    public static string Serialize(SubscriptionFilter filter) =>
        JsonSerializer.Serialize(filter, NotificationJsonContext.Default.SubscriptionFilter);

    public static SubscriptionFilter DeserializeFilter(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.SubscriptionFilter) ?? throw new JsonException("a filter was null");

    public static string Serialize(IReadOnlyList<ContactPoint> contacts) =>
        JsonSerializer.Serialize(contacts, NotificationJsonContext.Default.IReadOnlyListContactPoint);

    public static IReadOnlyList<ContactPoint> DeserializeContactPoints(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.IReadOnlyListContactPoint) ?? throw new JsonException("contact points were null");

    /// <summary>A part of the model from its stored form; <see cref="JsonException"/> when it does not read back.</summary>
    public static T DeserializeAny<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize(json, StoredForm<T>()) ?? throw new JsonException($"a stored {typeof(T).Name} was null");

    /// <summary>Any part of the model in its stored form (for comparing parts, see <see cref="RequestDifferences"/>).</summary>
    public static string SerializeAny<T>(T value) => JsonSerializer.Serialize(value, StoredForm<T>());

    private static JsonTypeInfo<T> StoredForm<T>() =>
        (JsonTypeInfo<T>?)NotificationJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} has no stored form");

    /// <summary>
    /// A digest of what a command asks for (everything but its request id), so that a retry can be told from a
    /// different request reusing the id.
    /// </summary>
    public static byte[] Fingerprint(FilingCommand command)
    {
        var json = command switch
        {
            FileNotificationCommand c => JsonSerializer.SerializeToUtf8Bytes(c with { RequestId = "" }, _fingerprintOptions),
            AmendNotificationCommand c => JsonSerializer.SerializeToUtf8Bytes(c with { RequestId = "" }, _fingerprintOptions),
            CancelNotificationCommand c => JsonSerializer.SerializeToUtf8Bytes(c with { RequestId = "" }, _fingerprintOptions),
            ReportExecutionCommand c => JsonSerializer.SerializeToUtf8Bytes(c with { RequestId = "" }, _fingerprintOptions),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
        return SHA256.HashData(json);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // A stored form with a null where the model has none does not read back: it becomes an unreadable entry instead
    // of a model object that fails later, wherever it is used. (Absent values are not refused: nulls are not written.)
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcDateTimeJsonConverter)])]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(NotificationContent))]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(Visibility))]
[JsonSerializable(typeof(Audiences.NotificationAudience))]
[JsonSerializable(typeof(Audiences.Embargo))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(MatchKeys))]
[JsonSerializable(typeof(SubscriptionFilter))]
[JsonSerializable(typeof(PointOfContact))]
[JsonSerializable(typeof(IReadOnlyList<ContactPoint>))]
[JsonSerializable(typeof(FileNotificationCommand))]
[JsonSerializable(typeof(AmendNotificationCommand))]
[JsonSerializable(typeof(CancelNotificationCommand))]
[JsonSerializable(typeof(ReportExecutionCommand))]
[JsonSerializable(typeof(Consultations.ConsultationChange))]
[JsonSerializable(typeof(Consultations.DirectLines.DirectLineChange))]
[JsonSerializable(typeof(Consultations.Commands.RequestConsultationCommand))]
[JsonSerializable(typeof(Consultations.Commands.RespondToConsultationCommand))]
[JsonSerializable(typeof(Consultations.Commands.WithdrawConsultationCommand))]
[JsonSerializable(typeof(Consultations.Commands.ProposeClosureCommand))]
[JsonSerializable(typeof(Consultations.Commands.ConfirmClosureCommand))]
[JsonSerializable(typeof(Consultations.Commands.ContestClosureCommand))]
[JsonSerializable(typeof(Consultations.DirectLines.Commands.ProposeDirectLineCommand))]
[JsonSerializable(typeof(Consultations.DirectLines.Commands.AcceptDirectLineCommand))]
[JsonSerializable(typeof(Alerts.AlertChange))]
[JsonSerializable(typeof(Alerts.Alert))]
[JsonSerializable(typeof(Alerts.ScreeningStatus))]
[JsonSerializable(typeof(Registry.RegisteredObject))]
[JsonSerializable(typeof(Registry.ObjectClaim))]
[JsonSerializable(typeof(Registry.CatalogueLoad))]
[JsonSerializable(typeof(Registry.Commands.RegisterObjectCommand))]
[JsonSerializable(typeof(Registry.Commands.ReleaseObjectCommand))]
[JsonSerializable(typeof(Registry.Commands.ResolveObjectClaimCommand))]
[JsonSerializable(typeof(Registry.Commands.LoadCatalogueCommand))]
[JsonSerializable(typeof(Alerts.Commands.AcknowledgeAlertCommand))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
