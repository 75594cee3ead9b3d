namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// Values as the wire names them without their enum's prefix (WITHDRAWN, AWAITING_ACKNOWLEDGEMENT, CLOSURE_PROPOSED),
/// so that errors and transcripts say what clients see. Transcripts' digests depend on these names: never change one.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();
}
