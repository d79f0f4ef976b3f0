namespace LicenseGuard
{
    /// <summary>A range of characters in a named file (a rules file, a project file).</summary>
    public readonly struct SourceSpan
    {
        /// <summary>Initializes a new instance of the <see cref="SourceSpan"/> struct.</summary>
        public SourceSpan(string path, int start, int length, int line, int column)
        {
            Path = path;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        /// <summary>Gets the file path as the host gave it.</summary>
        public string Path { get; }

        /// <summary>Gets the zero-based character offset.</summary>
        public int Start { get; }

        /// <summary>Gets the length in characters.</summary>
        public int Length { get; }

        /// <summary>Gets the one-based line.</summary>
        public int Line { get; }

        /// <summary>Gets the one-based column.</summary>
        public int Column { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Path}({Line},{Column})";
    }
}
