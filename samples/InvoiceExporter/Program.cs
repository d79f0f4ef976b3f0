// InvoiceExporter: writes invoices to an Excel sheet and a JSON file, and zips them. LicenseGuard checks its NuGet
// dependencies: EPPlus 4.5.3.3 ships an LGPL licence file (weak copyleft: a warning under the default policy);
// Newtonsoft.Json 9.0.1 declares only a licenseUrl, which the catalog pins to MIT for versions before 13.0.1 (no finding);
// DotNetZip 1.16.0 declares only a licenseUrl to its repository's current LICENSE, which says nothing certain about this
// version (unknown licence). licenseguard.json accepts EPPlus with a reason.
using Ionic.Zip;
using Newtonsoft.Json;
using OfficeOpenXml;

var invoices = new[] { new Invoice(1001, "Contoso", 250.00m), new Invoice(1002, "Fabrikam", 1_200.50m) };

using (var package = new ExcelPackage())
{
    var sheet = package.Workbook.Worksheets.Add("Invoices");
    sheet.Cells[1, 1].Value = "Number";
    sheet.Cells[1, 2].Value = "Customer";
    sheet.Cells[1, 3].Value = "Total";
    for (int row = 0; row < invoices.Length; row++)
    {
        sheet.Cells[row + 2, 1].Value = invoices[row].Number;
        sheet.Cells[row + 2, 2].Value = invoices[row].Customer;
        sheet.Cells[row + 2, 3].Value = invoices[row].Total;
    }

    package.SaveAs(new FileInfo("invoices.xlsx"));
}

File.WriteAllText("invoices.json", JsonConvert.SerializeObject(invoices, Formatting.Indented));
using (var zip = new ZipFile())
{
    zip.AddFile("invoices.xlsx");
    zip.AddFile("invoices.json");
    zip.Save("invoices.zip");
}

Console.WriteLine($"Exported {invoices.Length} invoices.");

internal sealed record Invoice(int Number, string Customer, decimal Total);
