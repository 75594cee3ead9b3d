namespace NotificationExchange.Ccsds.Omm;

/// <summary>The forms an OMM comes in.</summary>
public enum OmmFormat
{
    /// <summary>CCSDS KVN text (one message, or several one after another).</summary>
    Kvn,
    /// <summary>NDM/XML: an &lt;omm&gt; root, or an &lt;ndm&gt; root holding one or more &lt;omm&gt; (CelesTrak's XML).</summary>
    Xml,
    /// <summary>CelesTrak/Space-Track GP JSON: an array of objects named by the OMM keywords.</summary>
    Json,
    /// <summary>CelesTrak GP CSV: a header row of OMM keywords, then one row per object.</summary>
    Csv,
}
