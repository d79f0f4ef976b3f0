using System;
using System.Collections.Generic;

namespace LicenseGuard.Matching
{
    /// <summary>
    /// The values of a connection string (<c>Endpoint=https://contoso.openai.azure.com/;Key=…</c>), the form .NET Aspire and the
    /// Azure SDKs' configuration keep service endpoints in.
    /// </summary>
    public static class ConnectionStrings
    {
        /// <summary>Returns the value of each <c>key=value</c> setting, or nothing when the string is not shaped as a connection string.</summary>
        public static IEnumerable<string> Values(string value)
        {
            int equals = value.IndexOf('=');
            if (equals <= 0 || value.Length > 4096 || !IsKey(value, 0, equals))
            {
                yield break;
            }

            foreach (string setting in value.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int separator = setting.IndexOf('=');
                if (separator > 0 && IsKey(setting, 0, separator))
                {
                    yield return setting.Substring(separator + 1).Trim();
                }
            }
        }

        private static bool IsKey(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return text.Substring(start, end - start).Trim().Length > 0;
        }
    }
}
