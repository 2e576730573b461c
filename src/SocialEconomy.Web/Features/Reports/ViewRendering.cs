using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SocialEconomy.Web.Features.Reports;

public static class ViewRendering
{
    /// <summary>The HTML a view would send, as a string: the same print view serves the screen and the PDF.</summary>
    public static async Task<string> RenderViewAsync(this Controller controller, string viewName, object model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();

        // Found as View(viewName) would find it (FeatureViewLocations), so a name means the same here.
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        var view = found.View ?? throw new InvalidOperationException($"No view {viewName} in {string.Join(", ", found.SearchedLocations)}.");
        controller.ViewData.Model = model;
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var context = new ViewContext(controller.ControllerContext, view, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}

public static class ReportPdf
{
    /// <summary>
    /// A print view as a PDF download, or, when no browser can be started, the Korean 503
    /// page (the screen and Excel versions stay available). Every report prints through here.
    /// </summary>
    public static async Task<IActionResult> PdfOrUnavailableAsync(this Controller controller, ReportPrinter printer, string viewName, object model, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(printer);
        var html = await controller.RenderViewAsync(viewName, model);
        try
        {
            return controller.File(await printer.PrintAsync(html, cancellationToken), "application/pdf", fileName);
        }
        catch (ReportPrinterUnavailableException e)
        {
            controller.HttpContext.RequestServices.GetRequiredService<ILogger<ReportPrinter>>().LogError(e, "PDF of {Report} not produced", fileName);
            controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return controller.View("Reports/Unavailable");
        }
    }
}
