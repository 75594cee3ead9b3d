using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace NotificationExchange.Client.Connection;

/// <summary>The one place a channel to the exchange is configured: TLS (system trust or a private CA, and a client
/// certificate for the mutual TLS endpoint), the API key as call credentials, and gRPC's retry policy. <see cref="NxClient.Create"/> and the client-factory registration both
/// come here.</summary>
public static class NxChannel
{
    /// <summary>A channel to <see cref="NxClientOptions.Address"/> carrying the options' key on every call.</summary>
    public static GrpcChannel Create(NxClientOptions options) => GrpcChannel.ForAddress(options.Address, ChannelOptions(options, Handler(options)));

    /// <summary>The HTTP/2 handler of a channel to the exchange, for <see cref="Create"/> and the client factory alike.</summary>
    internal static SocketsHttpHandler Handler(NxClientOptions options) => ConfigureHandler(options, new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        // A dead TCP connection under an idle stream is noticed within a minute, not after the OS's timeout.
        KeepAlivePingDelay = TimeSpan.FromSeconds(20),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>The channel settings shared by <see cref="Create"/> and the client factory: credentials and retries.</summary>
    internal static GrpcChannelOptions ChannelOptions(NxClientOptions options, HttpMessageHandler? handler)
    {
        var plaintext = options.Address.Scheme == Uri.UriSchemeHttp;
        var channel = new GrpcChannelOptions
        {
            HttpHandler = handler,
            ServiceConfig = RetryServiceConfig.For(options.MaxAttempts),
            // Responses carry whole notifications with their attachments and CCSDS exports, up to 16 MiB.
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        };
        if (options.ApiKey is { Length: > 0 } key)
        {
            channel.Credentials = ChannelCredentials.Create(plaintext ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl, ApiKeyCredentials.For(key));
            // A key over plaintext is for a development exchange on this machine; production addresses are https.
            channel.UnsafeUseInsecureChannelCallCredentials = plaintext;
        }
        return channel;
    }

    /// <summary>Trusts the private certificate authority of <see cref="NxClientOptions.TrustedCertificateAuthorityPath"/>,
    /// if any, for the exchange's certificate: as the root of its chain instead of the system's roots (the name must
    /// still match). Intermediate certificates the exchange presents are used to build the chain.</summary>
    private static SocketsHttpHandler ConfigureHandler(NxClientOptions options, SocketsHttpHandler handler)
    {
        if (options.ClientCertificatePath is { Length: > 0 } certificatePath)
        {
            handler.SslOptions.ClientCertificates = [ClientCertificate(certificatePath, options.ClientKeyPath)];
        }
        if (options.TrustedCertificateAuthorityPath is { Length: > 0 } path)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(path);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
            {
                if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                if (presented is not null)
                {
                    foreach (var element in presented.ChainElements)
                    {
                        chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }
                return chain.Build(leaf);
            };
        }
        return handler;
    }

    /// <summary>
    /// The client certificate with its key, read from PEM, through PKCS#12 so that the key is one the TLS stack can use
    /// on every platform (a key read from PEM is ephemeral, which Windows' TLS cannot use).
    /// </summary>
    private static X509Certificate2 ClientCertificate(string certificatePath, string? keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath is { Length: > 0 } ? keyPath : null);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
