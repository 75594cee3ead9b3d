namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// One keyword of a block: how to parse and check its value, where it lives in the model, and how to write it back.
/// Defined once per keyword, it drives reading (KVN and XML alike), mandatory-keyword checks and writing.
/// </summary>
internal sealed record Field<T>
{
    public required string Keyword { get; init; }

    public bool Mandatory { get; init; }

    /// <summary>The unit the standard gives; written in brackets or a units attribute, and checked when a file gives one.</summary>
    public string? Unit { get; init; }

    /// <summary>The first message version that has this keyword (null: all).</summary>
    public string? SinceVersion { get; init; }

    /// <summary>
    /// Whether an entry gives no value, which reads as absent (an error when mandatory). By default the value without
    /// its unit is empty: "MASS = [kg]", &lt;X units="km"/&gt; and units="" give no number. Text and list fields, for
    /// which brackets are part of the value, say otherwise.
    /// </summary>
    public Func<Entry, bool> IsEmpty { get; init; } = entry => entry.Value.Length == 0;

    /// <summary>Parses an entry's value; null when it is invalid (the error is already reported).</summary>
    public required Func<Entry, ReadContext, object?> Parse { get; init; }

    public required Action<T, object> Set { get; init; }

    /// <summary>The model's value, or null when absent.</summary>
    public required Func<T, object?> Get { get; init; }

    public required Func<object, string> Format { get; init; }
}
