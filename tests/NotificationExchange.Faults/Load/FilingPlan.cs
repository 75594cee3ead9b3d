using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults.Load;

/// <summary>What one filing will say: who files it, its kind and objects (what a subscription filter matches on), the
/// marker written into the notice that identifies it in every event and in the store, and the phase it belongs to.</summary>
public sealed record FilingPlan(int Filer, long Number, int Phase, string Operator, NotificationKind Kind, IReadOnlyList<uint> Objects, string Marker);
