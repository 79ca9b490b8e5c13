// The customer kiosk's screen dispatch: the style and the one full-screen
// panel every screen draws into, the current screen, then the idle countdown
// in its own window on top.
#include "customer/screens/customer_screens.h"

#include "customer/screens/customer_kit.h"

namespace kiosk::customer {

void draw_customer_screen(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const kit::ScreenStyle style(ui.em());
  {
    // One panel id for every screen: a panel created later would stack above the idle overlay.
    const ui::ScreenPanel panel("customer");
    switch (view.state.screen) {
      case Screen::Welcome:
        kit::draw_welcome(ui, view, emit);
        break;
      case Screen::TakeNumber:
        if (view.state.form.phone_pad_open)
          kit::draw_phone_pad(ui, view, emit,
                              {view.state.form.phone_typed, view.state.form.phone_error, "phone.why", true});
        else
          kit::draw_take_number(ui, view, emit);
        break;
      case Screen::Ticket:
        kit::draw_ticket(ui, view, emit);
        break;
      case Screen::RateFind:
        kit::draw_rate_find(ui, view, emit);
        break;
      case Screen::RateScore:
        kit::draw_rate_score(ui, view, emit);
        break;
      case Screen::RateThanks:
        kit::draw_rate_thanks(ui, view, emit);
        break;
      case Screen::Request:
        kit::draw_request(ui, view, emit);
        break;
      case Screen::RequestDone:
        kit::draw_request_done(ui, view, emit);
        break;
      case Screen::Check:
        kit::draw_check_request(ui, view, emit);
        break;
      case Screen::CheckResult:
        kit::draw_request_status(ui, view, emit);
        break;
      case Screen::RateRequest:
        kit::draw_rate_request(ui, view, emit);
        break;
      case Screen::StaffLogin:
        kit::draw_staff_login(ui, view, emit);
        break;
      case Screen::Admin:
        kit::draw_admin(ui, view, emit);
        break;
      case Screen::Devices:
        kit::draw_devices(ui, view, emit);
        break;
      case Screen::Help:
        kit::draw_help(ui, view, emit);
        break;
      case Screen::HelpArticle:
        kit::draw_help_article(ui, view, emit);
        break;
      case Screen::HelpThanks:
        kit::draw_help_thanks(ui, view, emit);
        break;
    }
  }
  kit::draw_idle_overlay(ui, view, emit);
}

}  // namespace kiosk::customer
