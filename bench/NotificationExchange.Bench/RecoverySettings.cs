namespace NotificationExchange.Bench;

/// <summary>
/// The recovery benchmark: <see cref="Instances"/> servers; filers on the first at <see cref="Rate"/> a second, and
/// <see cref="SubscriptionsPerInstance"/> subscriptions watching everything on each of the others; the broker goes away
/// at a third of <see cref="Duration"/> for <see cref="Outage"/>.
/// </summary>
internal sealed record RecoverySettings(int Instances, double Rate, int SubscriptionsPerInstance, TimeSpan Duration, TimeSpan Outage);
