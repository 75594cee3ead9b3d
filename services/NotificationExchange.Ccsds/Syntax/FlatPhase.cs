namespace NotificationExchange.Ccsds.Syntax;

/// <summary>A run of flat blocks that follow one another: a message's header, its metadata, its data blocks.</summary>
internal sealed record FlatPhase(Node Parent, IReadOnlyList<FlatBlock> Blocks);
