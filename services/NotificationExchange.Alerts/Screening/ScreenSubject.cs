namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// One trajectory a notice asks to screen, over [<see cref="SpanStart"/>, <see cref="SpanEnd"/>], against everything
/// but <see cref="Excluded"/> (an RPO intent's declared target: its approach is declared, not an alert).
/// </summary>
public sealed record ScreenSubject(ScreenedObject Object, DateTime SpanStart, DateTime SpanEnd, IReadOnlySet<int> Excluded);
