namespace NotificationExchange.Cli.Cli;

/// <summary>What nxc's exit status tells a script. Documented in the README and in `nxc --help`.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The exchange failed on its side (INTERNAL, DATA_LOSS), or nxc itself did.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: unknown verb or option, a bad value, no key configured. Nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The exchange refused the call (bad field, wrong state, not found, not allowed); repeating it unchanged
    /// gets the same answer.</summary>
    public const int Refused = 3;

    /// <summary>The exchange could not be reached or did not answer in time; the same command may work later.</summary>
    public const int Unreachable = 4;

    /// <summary>Verification failed (nxc verify, nxc log): what the exchange served does not match what its log committed
    /// to, its log was altered or forked, or its key is not the pinned one. The lines on stdout say what does not match;
    /// keep the saved heads, they are the evidence.</summary>
    public const int NotVerified = 5;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>Whoever read stdout went away (a closed pipe), as shells report SIGPIPE.</summary>
    public const int OutputClosed = 141;

    public const string Help = "exit status: 0 done, 1 the exchange or nxc failed, 2 usage error (nothing sent), "
        + "3 refused by the exchange, 4 exchange unreachable, 5 verification failed, 130 interrupted, 141 output closed";
}
