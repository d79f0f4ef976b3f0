using System;
using System.Globalization;

namespace LicenseGuard.Licensing
{
    /// <summary>A NuGet package version (1 to 4 numeric parts, optional prerelease label), compared as NuGet does.</summary>
    public sealed class PackageVersion : IComparable<PackageVersion>
    {
        private readonly int[] parts;

        private PackageVersion(int[] parts, string release, string original)
        {
            this.parts = parts;
            Release = release;
            Original = original;
        }

        /// <summary>Gets the prerelease label, or empty.</summary>
        public string Release { get; }

        /// <summary>Gets the version as written.</summary>
        public string Original { get; }

        /// <summary>Parses a version; build metadata after <c>+</c> is ignored.</summary>
        public static bool TryParse(string text, out PackageVersion? version)
        {
            version = null;
            string value = text.Trim();
            int plus = value.IndexOf('+');
            if (plus >= 0)
            {
                value = value.Substring(0, plus);
            }

            int dash = value.IndexOf('-');
            string release = dash >= 0 ? value.Substring(dash + 1) : string.Empty;
            string[] numbers = (dash >= 0 ? value.Substring(0, dash) : value).Split('.');
            if (numbers.Length == 0 || numbers.Length > 4 || (dash >= 0 && release.Length == 0))
            {
                return false;
            }

            var parts = new int[4];
            for (int i = 0; i < numbers.Length; i++)
            {
                if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                {
                    return false;
                }
            }

            version = new PackageVersion(parts, release, text.Trim());
            return true;
        }

        /// <inheritdoc/>
        public int CompareTo(PackageVersion? other)
        {
            if (other == null)
            {
                return 1;
            }

            for (int i = 0; i < 4; i++)
            {
                int c = parts[i].CompareTo(other.parts[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            if (Release.Length == 0 || other.Release.Length == 0)
            {
                return other.Release.Length.CompareTo(Release.Length) == 0 ? 0 : (Release.Length == 0 ? 1 : -1);
            }

            string[] mine = Release.Split('.');
            string[] theirs = other.Release.Split('.');
            for (int i = 0; i < Math.Min(mine.Length, theirs.Length); i++)
            {
                bool myNumber = int.TryParse(mine[i], NumberStyles.None, CultureInfo.InvariantCulture, out int a);
                bool theirNumber = int.TryParse(theirs[i], NumberStyles.None, CultureInfo.InvariantCulture, out int b);
                int c = myNumber && theirNumber ? a.CompareTo(b)
                    : myNumber ? -1
                    : theirNumber ? 1
                    : string.Compare(mine[i], theirs[i], StringComparison.OrdinalIgnoreCase);
                if (c != 0)
                {
                    return c;
                }
            }

            return mine.Length.CompareTo(theirs.Length);
        }

        /// <inheritdoc/>
        public override string ToString() => Original;
    }

    /// <summary>
    /// A NuGet version range: <c>1.0</c> (at least 1.0), <c>[1.0]</c> (exactly), <c>[1.0,2.0)</c>, <c>(,2.0]</c>, or <c>*</c>.
    /// </summary>
    public sealed class PackageVersionRange
    {
        private PackageVersionRange(PackageVersion? min, bool minInclusive, PackageVersion? max, bool maxInclusive, string original)
        {
            Min = min;
            MinInclusive = minInclusive;
            Max = max;
            MaxInclusive = maxInclusive;
            Original = original;
        }

        /// <summary>Gets the range that holds every version.</summary>
        public static PackageVersionRange All { get; } = new PackageVersionRange(null, false, null, false, "*");

        /// <summary>Gets the lower bound, if any.</summary>
        public PackageVersion? Min { get; }

        /// <summary>Gets a value indicating whether the lower bound is included.</summary>
        public bool MinInclusive { get; }

        /// <summary>Gets the upper bound, if any.</summary>
        public PackageVersion? Max { get; }

        /// <summary>Gets a value indicating whether the upper bound is included.</summary>
        public bool MaxInclusive { get; }

        /// <summary>Gets the range as written.</summary>
        public string Original { get; }

        /// <summary>Parses a range in NuGet's notation.</summary>
        public static bool TryParse(string text, out PackageVersionRange? range)
        {
            range = null;
            string value = text.Trim();
            if (value == "*" || value.Length == 0)
            {
                range = All;
                return true;
            }

            if (value[0] != '[' && value[0] != '(')
            {
                if (!PackageVersion.TryParse(value, out var floor))
                {
                    return false;
                }

                range = new PackageVersionRange(floor, true, null, false, value);
                return true;
            }

            char last = value[value.Length - 1];
            if (value.Length < 3 || (last != ']' && last != ')'))
            {
                return false;
            }

            string inner = value.Substring(1, value.Length - 2);
            int comma = inner.IndexOf(',');
            if (comma < 0)
            {
                if (value[0] != '[' || last != ']' || !PackageVersion.TryParse(inner, out var exact))
                {
                    return false;
                }

                range = new PackageVersionRange(exact, true, exact, true, value);
                return true;
            }

            string low = inner.Substring(0, comma).Trim();
            string high = inner.Substring(comma + 1).Trim();
            PackageVersion? min = null, max = null;
            if ((low.Length > 0 && !PackageVersion.TryParse(low, out min)) || (high.Length > 0 && !PackageVersion.TryParse(high, out max)) || (min == null && max == null))
            {
                return false;
            }

            range = new PackageVersionRange(min, value[0] == '[', max, last == ']', value);
            return true;
        }

        /// <summary>Returns whether a version lies in the range.</summary>
        public bool Contains(PackageVersion version)
        {
            if (Min != null)
            {
                int c = version.CompareTo(Min);
                if (c < 0 || (c == 0 && !MinInclusive))
                {
                    return false;
                }
            }

            if (Max != null)
            {
                int c = version.CompareTo(Max);
                if (c > 0 || (c == 0 && !MaxInclusive))
                {
                    return false;
                }
            }

            return true;
        }

        /// <inheritdoc/>
        public override string ToString() => Original;
    }
}
