namespace NotificationExchange.Ccsds.Syntax;

/// <summary>A block of a flat KVN part (one without START/STOP markers): the keywords it owns decide where a line goes.</summary>
/// <param name="Name">The block's node name (its XML element name).</param>
/// <param name="Owns">Whether a keyword belongs to this block.</param>
/// <param name="StartKeyword">For a repeating block, the keyword that opens a new instance (MAN_EPOCH_IGNITION).</param>
internal sealed record FlatBlock(string Name, Func<string, bool> Owns, string? StartKeyword = null);
