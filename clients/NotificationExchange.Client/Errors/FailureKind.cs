namespace NotificationExchange.Client.Errors;

/// <summary>Who is at fault for a failed call, which decides what the caller does next.</summary>
public enum FailureKind
{
    /// <summary>The exchange understood the call and refused it (bad input, wrong state, no such id, not allowed):
    /// repeating it unchanged gets the same answer.</summary>
    Refused,

    /// <summary>The exchange could not be reached or did not answer in time: the same call may work later (a change
    /// with the same request id is applied at most once).</summary>
    Unreachable,

    /// <summary>The exchange failed on its side (INTERNAL, DATA_LOSS, UNKNOWN).</summary>
    ServerFault,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}
