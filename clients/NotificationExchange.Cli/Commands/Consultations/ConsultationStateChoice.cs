namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>The consultation states as words on the command line (inbox filters).</summary>
internal enum ConsultationStateChoice
{
    Requested,
    Open,
    Closing,
    Closed,
    Withdrawn,
    Declined,
}
