namespace NotificationExchange.Alerts.Cdm;

/// <summary>An alert written as a CDM: its media type, a file name (ALR-17-v3.cdm or ALR-17-v3.cdm.xml) and the text.</summary>
public sealed record ExportedAlertCdm(string MediaType, string FileName, string Content);
