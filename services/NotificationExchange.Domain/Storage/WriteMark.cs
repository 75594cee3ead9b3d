namespace NotificationExchange.Domain.Storage;

/// <summary>Where a group-commit session stood before one write of its batch: what that write's rollback returns to.</summary>
public readonly record struct WriteMark(int Appended, long NextSequence, int QueuedWebhooks);
