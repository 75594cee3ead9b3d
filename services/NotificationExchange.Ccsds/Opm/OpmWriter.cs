using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>Writes an OPM as CCSDS KVN or NDM/XML.</summary>
public static class OpmWriter
{
    public static string Write(OpmMessage message, CcsdsSyntax syntax) => MessageWriting.Write(OpmBinding.Write(message), syntax);
}
