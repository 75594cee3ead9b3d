using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// An orbit as given: a TLE's two lines (<see cref="Line1"/>, <see cref="Line2"/>), or the text of a CCSDS OMM or OEM
/// (<see cref="Text"/>). Kept exactly as given once read.
/// </summary>
public sealed record RegistrationOrbit(OrbitForm Form, string? Text = null, string? Line1 = null, string? Line2 = null)
{
    /// <summary>How a TLE is kept as one text: its two lines joined by a line feed (<see cref="TleLines"/> splits it).</summary>
    public static string JoinTle(string line1, string line2) => line1 + "\n" + line2;

    /// <summary>A stored TLE text's two lines.</summary>
    public static (string Line1, string Line2) TleLines(string orbitText)
    {
        var split = orbitText.IndexOf('\n', StringComparison.Ordinal);
        return split < 0 ? (orbitText, "") : (orbitText[..split], orbitText[(split + 1)..]);
    }
}
