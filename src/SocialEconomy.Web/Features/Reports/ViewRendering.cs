using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SocialEconomy.Web.Features.Reports;

public static class ViewRendering
{
    /// <summary>The HTML a view would send, as a string: the same print view serves the screen and the PDF.</summary>
    public static async Task<string> RenderViewAsync(this Controller controller, string viewPath, object model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        var view = found.View ?? throw new InvalidOperationException($"No view at {viewPath}.");
        controller.ViewData.Model = model;
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var context = new ViewContext(controller.ControllerContext, view, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
