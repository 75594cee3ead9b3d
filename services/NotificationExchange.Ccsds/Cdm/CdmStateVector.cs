namespace NotificationExchange.Ccsds.Cdm;

/// <summary>The object's state at TCA in its REF_FRAME (km, km/s).</summary>
public sealed class CdmStateVector : CartesianState;
