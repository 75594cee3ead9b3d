namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// A consultation's full record: <see cref="Json"/> in its canonical form (RFC 8785), <see cref="Text"/> for people to
/// read, and <see cref="Sha256"/>, the lower-case hex SHA-256 of the JSON's UTF-8 bytes, which anyone holding the JSON
/// can recompute.
/// </summary>
public sealed record Transcript(string Json, string Text, string Sha256);
