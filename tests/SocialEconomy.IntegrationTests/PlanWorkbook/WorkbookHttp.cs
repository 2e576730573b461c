using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.PlanWorkbook;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>Downloads and uploads plan workbooks through the real pipeline, as a browser would.</summary>
public static class WorkbookHttp
{
    public const string ImportUrl = "/plans/import";

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanWorkbookLayout.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Posts the import form: the file, an optional new title and the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostImportAsync(this HttpClient client, byte[] content, string fileName = "plan.xlsx", string? newTitle = null, string tokenPage = ImportUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostImportAsync(new ByteArrayContent(content), fileName, newTitle, tokenPage);
    }

    public static async Task<HttpResponseMessage> PostImportAsync(this HttpClient client, HttpContent file, string fileName = "plan.xlsx", string? newTitle = null, string tokenPage = ImportUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(file);
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (newTitle is not null)
        {
            form.Add(new StringContent(newTitle), "NewTitle");
        }

        file.Headers.ContentType = new MediaTypeHeaderValue(PlanWorkbookLayout.ContentType);
        form.Add(file, "Workbook", fileName);
        return await client.PostAsync(new Uri(ImportUrl, UriKind.Relative), form);
    }

    /// <summary>The problem table of a refused import, each row as WorkbookProblem.ToString() writes it.</summary>
    public static async Task<List<string>> ProblemsAsync(this HttpResponseMessage response)
    {
        var document = await response.DocumentAsync();
        return document.QuerySelectorAll("table.portal-import-problems tbody tr")
            .Select(row => row.Children.Select(c => c.TextContent.Trim()).ToList())
            .Select(cells =>
            {
                if (cells[0] == "파일")
                {
                    return cells[3];
                }

                var where = cells[0] + " 시트" + (cells[1] == "-" ? string.Empty : " " + cells[1].Replace(",", string.Empty, StringComparison.Ordinal) + "행") + (cells[2] == "-" ? string.Empty : " " + cells[2] + "열");
                return $"{where}: {cells[3]}";
            })
            .ToList();
    }

    /// <summary>Whether a response redirects to a path, whether its Location is relative or absolute.</summary>
    public static bool RedirectsTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found) || response.Headers.Location is not { } location)
        {
            return false;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
        return string.Equals(target.AbsolutePath, path, StringComparison.OrdinalIgnoreCase);
    }

    public static byte[] ToBytes(this XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static XLWorkbook Open(byte[] content) => new(new MemoryStream(content));

    /// <summary>The column number of a header in row 1.</summary>
    public static int ColumnOf(this IXLWorksheet sheet, string header)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Row(1).CellsUsed().First(c => c.GetString() == header).Address.ColumnNumber;
    }

    public static string Letter(this IXLWorksheet sheet, string header) => XLHelper.GetColumnLetterFromNumber(sheet.ColumnOf(header));

    /// <summary>The first data row whose cells under the given headers hold the given texts.</summary>
    public static int RowWhere(this IXLWorksheet sheet, params (string Header, string Value)[] conditions)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var columns = conditions.Select(c => (Column: sheet.ColumnOf(c.Header), c.Value)).ToList();
        var last = sheet.LastRowUsed()!.RowNumber();
        for (var row = 2; row <= last; row++)
        {
            if (columns.All(c => sheet.Cell(row, c.Column).GetString() == c.Value))
            {
                return row;
            }
        }

        throw new InvalidOperationException($"No row of {sheet.Name} has {string.Join(", ", conditions.Select(c => $"{c.Header}={c.Value}"))}.");
    }

    public static IXLCell CellAt(this IXLWorksheet sheet, int row, string header)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Cell(row, sheet.ColumnOf(header));
    }

    /// <summary>Copies a row to a new row after the last one (returns its number).</summary>
    public static int AppendCopyOf(this IXLWorksheet sheet, int row)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var target = sheet.LastRowUsed()!.RowNumber() + 1;
        var last = sheet.LastColumnUsed()!.ColumnNumber();
        for (var column = 1; column <= last; column++)
        {
            var source = sheet.Cell(row, column);
            if (source.DataType == XLDataType.Number)
            {
                sheet.Cell(target, column).SetValue(source.GetDouble());
            }
            else if (!source.IsEmpty())
            {
                sheet.Cell(target, column).SetValue<string>(source.GetString());
            }
        }

        return target;
    }
}
