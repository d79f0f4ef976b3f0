// WeightsShipper: an app that ships two local models next to its executable. The weight files are tiny stand-ins with real
// headers, written by samples/tools/make-weights.cs; LicenseGuard reads their headers and model cards at build time.
foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "models"), "*.*", SearchOption.AllDirectories))
{
    Console.WriteLine($"{Path.GetRelativePath(AppContext.BaseDirectory, file)}: {new FileInfo(file).Length} bytes");
}
