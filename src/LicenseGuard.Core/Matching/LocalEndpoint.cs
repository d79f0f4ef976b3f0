using System;
using System.Net;
using System.Net.Sockets;

namespace LicenseGuard.Matching
{
    /// <summary>
    /// Recognises URLs of servers on the same machine or private network (<c>http://localhost:11434</c>, <c>http://192.168.1.20:8080/v1</c>,
    /// <c>http://host.docker.internal:11434</c>): an OpenAI-compatible SDK pointed there talks to a self-hosted model, not to the vendor.
    /// </summary>
    public static class LocalEndpoint
    {
        /// <summary>Returns whether a string is an absolute http(s) URL whose host is loopback, private or a local name.</summary>
        public static bool IsLocalUrl(string value)
        {
            if (value.Length < 10 || value.Length > 2048 || !value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return false;
            }

            string host = uri.IdnHost.TrimEnd('.');
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
        }

        private static bool IsPrivate(IPAddress address)
        {
            if (IPAddress.IsLoopback(address))
            {
                return true;
            }

            byte[] bytes = address.GetAddressBytes();
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                return bytes[0] == 10 || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31) || (bytes[0] == 192 && bytes[1] == 168);
            }

            // fc00::/7, unique local addresses.
            return address.AddressFamily == AddressFamily.InterNetworkV6 && (bytes[0] & 0xFE) == 0xFC;
        }
    }
}
