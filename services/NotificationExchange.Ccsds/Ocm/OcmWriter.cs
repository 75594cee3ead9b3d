using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>Writes an OCM as CCSDS KVN or NDM/XML. The text is read back before it is returned, so a message the standard refuses fails here.</summary>
public static class OcmWriter
{
    public static string Write(OcmMessage message, CcsdsSyntax syntax)
    {
        var text = MessageWriting.Write(OcmBinding.Write(message), syntax);
        OcmReader.Read(text);
        return text;
    }
}
