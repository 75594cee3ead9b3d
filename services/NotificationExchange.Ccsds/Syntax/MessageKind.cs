namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// What tells a message type apart in its text: the XML root element (<paramref name="RootName"/>), the KVN first line
/// (<paramref name="VersionKeyword"/> = version), and the versions this library reads.
/// </summary>
internal sealed record MessageKind(string RootName, string VersionKeyword, IReadOnlyCollection<string> Versions);
