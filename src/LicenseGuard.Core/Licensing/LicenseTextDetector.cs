using System;
using System.Text;

namespace LicenseGuard.Licensing
{
    /// <summary>
    /// Recognises the text of common licences in a package's licence file (<c>&lt;license type="file"&gt;</c>) without any
    /// network: each licence is identified by phrases that only its text contains, compared with white space and case folded.
    /// </summary>
    public static class LicenseTextDetector
    {
        private const int MaxTextLength = 256 * 1024;

        /// <summary>Returns the SPDX id of a recognised licence text, or null.</summary>
        public static string? Detect(string text)
        {
            if (text.Length > MaxTextLength)
            {
                text = text.Substring(0, MaxTextLength);
            }

            string t = Normalize(text);
            bool orLater = t.Contains("or (at your option) any later version");
            if (t.Contains("gnu affero general public license"))
            {
                return orLater ? "AGPL-3.0-or-later" : "AGPL-3.0-only";
            }

            if (t.Contains("gnu lesser general public license") || t.Contains("gnu library general public license"))
            {
                if (t.Contains("version 2.1"))
                {
                    return orLater ? "LGPL-2.1-or-later" : "LGPL-2.1-only";
                }

                return t.Contains("version 3") ? (orLater ? "LGPL-3.0-or-later" : "LGPL-3.0-only") : (orLater ? "LGPL-2.0-or-later" : "LGPL-2.0-only");
            }

            if (t.Contains("gnu general public license"))
            {
                return t.Contains("version 3") ? (orLater ? "GPL-3.0-or-later" : "GPL-3.0-only") : (orLater ? "GPL-2.0-or-later" : "GPL-2.0-only");
            }

            if (t.Contains("apache license") && t.Contains("version 2.0"))
            {
                return "Apache-2.0";
            }

            if (t.Contains("mozilla public license") && (t.Contains("version 2.0") || t.Contains("v. 2.0")))
            {
                return "MPL-2.0";
            }

            if (t.Contains("microsoft public license (ms-pl)"))
            {
                return "MS-PL";
            }

            if (t.Contains("microsoft reciprocal license (ms-rl)"))
            {
                return "MS-RL";
            }

            if (t.Contains("permission is hereby granted, free of charge, to any person obtaining a copy") && t.Contains("the above copyright notice and this permission notice shall be included"))
            {
                return "MIT";
            }

            if (t.Contains("permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted"))
            {
                return "ISC";
            }

            if (t.Contains("redistribution and use in source and binary forms, with or without modification, are permitted"))
            {
                return t.Contains("neither the name of") || t.Contains("the names of its contributors may not be used") ? "BSD-3-Clause" : "BSD-2-Clause";
            }

            if (t.Contains("this is free and unencumbered software released into the public domain"))
            {
                return "Unlicense";
            }

            return null;
        }

        private static string Normalize(string text)
        {
            var builder = new StringBuilder(text.Length);
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c) || c == '*' || c == '#')
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c == '\u201C' || c == '\u201D' ? '"' : char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }
    }
}
