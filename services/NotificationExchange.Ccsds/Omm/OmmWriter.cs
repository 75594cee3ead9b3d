using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>Writes an OMM as CCSDS KVN or NDM/XML.</summary>
public static class OmmWriter
{
    public static string Write(OmmMessage message, CcsdsSyntax syntax) => MessageWriting.Write(OmmBinding.Write(message), syntax);
}
