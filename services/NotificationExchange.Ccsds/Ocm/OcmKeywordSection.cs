using System.Globalization;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>
/// A section of keywords (physical characteristics, perturbations, orbit determination) kept as the canonical text of
/// each value, checked against the standard's types and units when read, in the standard's order when written.
/// </summary>
public sealed class OcmKeywordSection : CcsdsBlock
{
    public List<KeyValuePair<string, string>> Values { get; set; } = [];

    public string? Get(string keyword) => Values.FirstOrDefault(pair => pair.Key == keyword).Value;

    public double? GetNumber(string keyword) => Get(keyword) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    public CcsdsTime? GetTime(string keyword) => Get(keyword) is { } text ? CcsdsTime.Parse(text, allowRelative: true) : null;

    public void Set(string keyword, string value)
    {
        Values.RemoveAll(pair => pair.Key == keyword);
        Values.Add(new(keyword, value));
    }
}
