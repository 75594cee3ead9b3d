namespace NotificationExchange.Alerts.Catalogue;

/// <summary>The forms a catalogue file comes in, told from its content (<see cref="CatalogueFile.DetectFormat"/>).</summary>
public enum CatalogueFormat
{
    /// <summary>Two-line (1/2) or three-line (0 name/1/2) element sets.</summary>
    Tle,
    /// <summary>CCSDS OMM in KVN, several one after another (Space-Track's bulk KVN).</summary>
    OmmKvn,
    /// <summary>CCSDS OMM in XML: an &lt;omm&gt;, or an &lt;ndm&gt; of several (CelesTrak's XML).</summary>
    OmmXml,
    /// <summary>GP JSON: an array of records named by the OMM keywords (CelesTrak, Space-Track).</summary>
    OmmJson,
    /// <summary>GP CSV: a header row of OMM keywords, then one row per object (CelesTrak).</summary>
    OmmCsv,
}
