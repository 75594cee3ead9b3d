using NotificationExchange.Domain.Registry;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// An orbit read and checked: its text as given, and what the exchange derives from it: the epoch (the element set's,
/// or an ephemeris' first state's, UTC) and the regime.
/// </summary>
public sealed record ReadOrbit(OrbitForm Form, string Text, DateTime Epoch, OrbitalRegime Regime);
