import { Route, Routes } from "react-router-dom";
import { HomePage } from "../pages/home-page.js";
import { NotFoundPage } from "../pages/not-found-page.js";
import { DistrictPickerPage } from "../pages/sign-in/district-picker-page.js";
import { DistrictSignInPage } from "../pages/sign-in/district-sign-in-page.js";
import { MfaSetupPage } from "../pages/sign-in/mfa-setup-page.js";
import { MfaVerifyPage } from "../pages/sign-in/mfa-verify-page.js";
import { VendorSignInPage } from "../pages/sign-in/vendor-sign-in-page.js";
import { SetPasswordPage } from "../pages/set-password/set-password-page.js";
import { featureRoutes } from "./feature-routes.js";
import { Layout } from "./layout.js";
import { RequireAuth } from "./require-auth.js";

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<DistrictPickerPage />} />
      <Route path="/login/vendor" element={<VendorSignInPage />} />
      <Route path="/login/:slug" element={<DistrictSignInPage />} />
      <Route path="/sign-in/mfa" element={<MfaVerifyPage />} />
      <Route path="/sign-in/mfa-setup" element={<MfaSetupPage />} />
      <Route path="/set-password/:token" element={<SetPasswordPage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {featureRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
