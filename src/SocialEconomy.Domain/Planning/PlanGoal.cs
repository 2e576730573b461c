namespace SocialEconomy.Domain.Planning;

/// <summary>목표: one of the plan's goals, in printed order.</summary>
public class PlanGoal
{
    internal PlanGoal(int order, string text)
    {
        Order = order;
        Text = text;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int Order { get; private set; }

    public string Text { get; private set; }
}
