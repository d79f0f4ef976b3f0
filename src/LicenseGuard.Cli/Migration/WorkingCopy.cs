namespace LicenseGuard.Cli.Migration;

/// <summary>
/// A copy of a project's folder beside it (same parent, so relative paths to Directory.Build.props, Directory.Packages.props,
/// referenced projects and shared sources resolve as they do for the original), where a migration is tried and built before
/// anything of the user's changes. Build outputs and tool folders are not copied.
/// </summary>
internal sealed class WorkingCopy : IDisposable
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", "node_modules", "artifacts" };

    private WorkingCopy(string original, string root)
    {
        OriginalRoot = original;
        Root = root;
    }

    public string OriginalRoot { get; }

    public string Root { get; }

    public static WorkingCopy Create(string projectDirectory)
    {
        string original = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar);
        string root = Path.Combine(Path.GetDirectoryName(original)!, $".{Path.GetFileName(original)}.licenseguard-migrate-{Guid.NewGuid().ToString("N")[..8]}");
        Copy(original, root);
        return new WorkingCopy(original, root);
    }

    /// <summary>The path in the copy of a file of the original folder.</summary>
    public string InCopy(string originalPath) => Path.Combine(Root, Path.GetRelativePath(OriginalRoot, originalPath));

    /// <summary>The files of the copy whose text differs from the original's (or that are new), relative to the folder.</summary>
    public IReadOnlyList<string> ChangedFiles()
    {
        var changed = new List<string>();
        foreach (string file in Files(Root))
        {
            string relative = Path.GetRelativePath(Root, file);
            string original = Path.Combine(OriginalRoot, relative);
            if (!File.Exists(original) || File.ReadAllText(original) != File.ReadAllText(file))
            {
                changed.Add(relative);
            }
        }

        return changed.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the changed files over the original's.</summary>
    public void CopyBack(IEnumerable<string> relativePaths)
    {
        foreach (string relative in relativePaths)
        {
            File.Copy(Path.Combine(Root, relative), Path.Combine(OriginalRoot, relative), overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A build server may still hold a file for a moment; the folder's name says what it is.
        }
    }

    private static IEnumerable<string> Files(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (string sub in Directory.EnumerateDirectories(directory).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            foreach (string file in Files(sub))
            {
                yield return file;
            }
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.EnumerateDirectories(source).Where(d => !Skipped.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).Contains(".licenseguard-migrate-", StringComparison.Ordinal)))
        {
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
