namespace NotificationExchange.Ccsds;

/// <summary>What is wrong with a message. Every reader reports one of these per problem it finds.</summary>
public enum CcsdsErrorKind
{
    /// <summary>A keyword (KVN) or element (XML) the message type does not define at that place.</summary>
    UnknownKeyword,
    /// <summary>A keyword given twice in the same block.</summary>
    DuplicateKeyword,
    /// <summary>A keyword of the message type, but in a part of the message where it does not belong.</summary>
    MisplacedKeyword,
    /// <summary>A keyword the message's declared version does not have (MESSAGE_ID in an ODM 2.0, for instance).</summary>
    KeywordNotInVersion,
    UnparsableNumber,
    /// <summary>A value outside its allowed set or range (MANEUVERABLE = MAYBE, a positive MAN_DELTA_MASS, ...).</summary>
    InvalidValue,
    /// <summary>A mandatory keyword that is absent or has no value (or a mandatory block that is absent).</summary>
    MissingMandatoryKeyword,
    /// <summary>A unit in square brackets (KVN) or a units attribute (XML) that is not the unit the standard gives.</summary>
    IncompatibleUnit,
    UnknownFrame,
    UnknownTimeSystem,
    /// <summary>An international designator not of the form YYYY-NNNP{PP}.</summary>
    BadDesignator,
    /// <summary>A date that is not in a CCSDS date format at all.</summary>
    UnparsableDate,
    /// <summary>A date in the right format that cannot exist (2021-02-30, day 366 of 2021, 25:00).</summary>
    ImpossibleDate,
    /// <summary>Parts of one message that must share a time system and do not.</summary>
    InconsistentTimeSystems,
    /// <summary>An ephemeris, covariance, trajectory or maneuver line with the wrong number of values.</summary>
    WrongColumnCount,
    /// <summary>An OCM maneuver section whose MAN_COMPOSITION has neither TIME_ABSOLUTE nor TIME_RELATIVE.</summary>
    MissingManeuverTime,
    /// <summary>A message version this library does not read (for instance CCSDS_OPM_VERS = 4.0).</summary>
    UnsupportedVersion,
    /// <summary>A message whose blocks are out of place: a stray line, a missing or unmatched START/STOP marker, a missing header.</summary>
    MalformedStructure,
    /// <summary>XML that is not well formed.</summary>
    MalformedXml,
    /// <summary>Content that is none of the formats the reader accepts.</summary>
    UnknownFormat,
}
