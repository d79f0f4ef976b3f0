using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// A plain project is quiet under the default policy: the 50 most-downloaded packages on nuget.org (their newest versions served
/// here that keep the licence they are known for), restored for .NET 10 (restore prunes what the framework provides) and for
/// .NET 8 (it does not: the System.* 4.x packages under Microsoft's .NET Library licence arrive too), give no finding at all.
/// </summary>
public sealed class QuietDefaultsTests(MostUsedPackages restored) : IClassFixture<MostUsedPackages>
{
    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public void TheMostUsedPackagesGiveNoFindingUnderTheDefaultPolicy(string framework)
    {
        var inventory = restored.Inventory(framework);

        var findings = DependencyEvaluator.Evaluate(inventory.Packages, RulesCatalog.BuiltIn, DateTime.UtcNow.Date);

        Assert.True(inventory.Packages.Count >= 50, $"{inventory.Packages.Count} packages restored");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Action}: {f.Subject}, {f.License} ({f.LicenseClass}) from {f.Origin}")));
    }

    [Fact]
    public void PlatformLicencesStayProprietaryAndKeepTheirObligationsWhenAllowed()
    {
        // Allowed by the default policy is not called permissive: the class and the obligations stay for notices and for teams
        // that set the action back to warn.
        var catalog = RulesCatalog.BuiltIn;
        var net8 = restored.Inventory("net8.0").Packages;
        var platform = net8.Single(p => p.Id == "System.Net.Http");
        var sni = net8.Single(p => p.Id == "Microsoft.Data.SqlClient.SNI.runtime");

        foreach (var package in new[] { platform, sni })
        {
            var (expression, origin) = DependencyEvaluator.ResolveLicense(package, catalog);
            var term = Assert.Single(expression!.Terms);
            Assert.True(DependencyEvaluator.ClassOf(term, catalog) == "proprietary", $"{package.Id}: {term} from {origin}");
            Assert.NotEmpty(catalog.FindLicense(term.ToString()!)!.Obligations);
            Assert.Equal(PolicyAction.Allow, catalog.Policy.Licenses[term.ToString()!]);
        }
    }
}

/// <summary>The 50 most-downloaded nuget.org packages, restored once per framework into one project each.</summary>
public sealed class MostUsedPackages : IDisposable
{
    private static readonly string[] Packages =
    [
        "Newtonsoft.Json/13.0.4", "Microsoft.Extensions.DependencyInjection.Abstractions/11.0.0", "Microsoft.Extensions.Logging.Abstractions/11.0.0",
        "System.Runtime.CompilerServices.Unsafe/6.1.2", "Microsoft.Extensions.Primitives/11.0.0", "Microsoft.Extensions.DependencyInjection/11.0.0",
        "Microsoft.Extensions.Configuration.Abstractions/11.0.0", "System.Memory/4.6.3", "Microsoft.Extensions.Options/11.0.0", "System.Buffers/4.6.1",
        "Microsoft.Extensions.Logging/11.0.0", "System.Text.Json/11.0.0", "System.Diagnostics.DiagnosticSource/11.0.0", "Microsoft.Extensions.Configuration/11.0.0",
        "System.Threading.Tasks.Extensions/4.6.3", "Microsoft.NETCore.Platforms/6.0.13", "Microsoft.CSharp/4.7.0", "System.Numerics.Vectors/4.6.1",
        "Microsoft.Bcl.AsyncInterfaces/11.0.0", "Microsoft.Extensions.Configuration.Binder/11.0.0", "System.Text.Encodings.Web/11.0.0",
        "Microsoft.Extensions.FileProviders.Abstractions/11.0.0", "Castle.Core/5.2.1", "Moq/4.21.0", "NETStandard.Library/2.0.3",
        "System.Collections.Immutable/11.0.0", "Microsoft.NET.Test.Sdk/18.12.0", "xunit/2.9.3", "Microsoft.CodeCoverage/18.12.0",
        "Microsoft.TestPlatform.TestHost/18.12.0", "System.ComponentModel.Annotations/5.0.0", "Microsoft.Extensions.Hosting.Abstractions/11.0.0", "Serilog/4.4.0",
        "AutoMapper/14.0.0", "FluentAssertions/7.2.2", "Microsoft.Data.SqlClient/7.1.2", "Microsoft.Identity.Client/4.92.0", "Azure.Core/1.65.0",
        "System.IdentityModel.Tokens.Jwt/8.23.0", "Swashbuckle.AspNetCore/11.0.1", "Polly/8.9.1", "Dapper/2.1.86", "NUnit/5.0.0",
        "MSTest.TestFramework/4.5.3", "coverlet.collector/10.1.1", "xunit.runner.visualstudio/4.0.1", "StackExchange.Redis/3.4.35", "Grpc.Net.Client/2.85.0",
        "Google.Protobuf/3.36.2", "System.Net.Http/4.3.4",
    ];

    private readonly Dictionary<string, ProjectInventory> inventories = new();

    public MostUsedPackages()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-most-used-").FullName;
        Restore("net10.0", [.. Packages, "Microsoft.EntityFrameworkCore/10.0.15"]);
        Restore("net8.0", [.. Packages, "Microsoft.EntityFrameworkCore/8.0.11"]);
    }

    public string Root { get; }

    public ProjectInventory Inventory(string framework) => inventories[framework];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Restore(string framework, string[] packages)
    {
        string directory = Path.Combine(Root, framework);
        Directory.CreateDirectory(directory);
        string references = string.Join("\n", packages.Select(p => p.Split('/')).Select(p => $"    <PackageReference Include=\"{p[0]}\" Version=\"{p[1]}\" />"));
        File.WriteAllText(Path.Combine(directory, "MostUsed.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>{framework}</TargetFramework><NoWarn>NU1510;NU1603;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(directory, "restore");
        inventories[framework] = InventoryBuilder.Build(Path.Combine(directory, "obj", "project.assets.json"));
    }
}
