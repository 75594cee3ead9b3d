using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>Writes an OEM as CCSDS KVN or NDM/XML.</summary>
public static class OemWriter
{
    public static string Write(OemMessage message, CcsdsSyntax syntax) => MessageWriting.Write(OemBinding.Write(message, syntax), syntax);
}
